package meshos.tick;

import java.util.List;

/** The live threads of a runtime, found by their names ({@code meshos-<role>-<name>}). */
final class RuntimeThreads {
  private RuntimeThreads() {}

  static List<Thread> of(String runtimeName) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("meshos-") && t.getName().endsWith("-" + runtimeName))
        .filter(Thread::isAlive)
        .toList();
  }

  static List<String> namesOf(String runtimeName) {
    return of(runtimeName).stream().map(Thread::getName).sorted().toList();
  }

  /** Joins every thread of the runtime, at most 10 s in all; their names if some remain. */
  static List<String> awaitGone(String runtimeName) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    for (Thread t : of(runtimeName)) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return namesOf(runtimeName);
  }

  static Thread named(String threadName) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(threadName)).findFirst()
        .orElseThrow(() -> new AssertionError("no thread " + threadName));
  }

  static boolean isWaiting(Thread t) {
    Thread.State s = t.getState();
    return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
  }
}
