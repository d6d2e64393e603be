package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import meshos.tick.RuntimeState;

/**
 * The state machine NEW → RUNNING → STOPPING → TERMINATED of one runtime, lock-free: {@link
 * #state()} never blocks. Exactly one thread {@linkplain #claimTermination() claims} the
 * termination and {@linkplain #terminated() ends} it; every other closer {@linkplain
 * #awaitTerminated waits} for that. Any thread.
 */
public final class Lifecycle {
  private final String name;
  private final AtomicReference<RuntimeState> state = new AtomicReference<>(RuntimeState.NEW);
  private final AtomicBoolean terminationClaimed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);

  /** @param name the runtime's name, for messages */
  public Lifecycle(String name) {
    this.name = name;
  }

  private RuntimeState now() {
    return requireNonNull(state.get());
  }

  /** The current state; never blocks. */
  public RuntimeState state() {
    return now();
  }

  /** True while RUNNING: no stop has been requested. */
  public boolean isRunning() {
    return now() == RuntimeState.RUNNING;
  }

  /** True once a stop was requested: STOPPING or TERMINATED. */
  public boolean stopRequested() {
    RuntimeState now = now();
    return now == RuntimeState.STOPPING || now == RuntimeState.TERMINATED;
  }

  /**
   * NEW → RUNNING.
   *
   * @throws IllegalStateException naming the state if it is not NEW
   */
  public void start() {
    RuntimeState was = state.compareAndExchange(RuntimeState.NEW, RuntimeState.RUNNING);
    if (was != RuntimeState.NEW) {
      throw new IllegalStateException("runtime '" + name + "' cannot start: it is " + was);
    }
  }

  /**
   * Requests the stop: NEW or RUNNING → STOPPING; no effect in the other states.
   *
   * @return the state before the call
   */
  public RuntimeState requestStop() {
    while (true) {
      RuntimeState now = now();
      if (now == RuntimeState.STOPPING || now == RuntimeState.TERMINATED) {
        return now;
      }
      if (state.compareAndSet(now, RuntimeState.STOPPING)) {
        return now;
      }
    }
  }

  /**
   * Claims the termination once a stop was requested: true for exactly one caller, which must
   * then end it with {@link #terminated()}.
   */
  public boolean claimTermination() {
    return !isRunning() && now() != RuntimeState.NEW
        && terminationClaimed.compareAndSet(false, true);
  }

  /** Ends the termination: STOPPING → TERMINATED, releasing every waiting closer. */
  public void terminated() {
    state.set(RuntimeState.TERMINATED);
    terminated.countDown();
  }

  /**
   * Waits until TERMINATED; an interrupt does not end the wait (it is restored).
   *
   * @param timeoutNanos the longest wait
   * @return true if terminated
   */
  public boolean awaitTerminated(long timeoutNanos) {
    return BoundedWait.await(terminated, timeoutNanos);
  }

  @Override
  public String toString() {
    return "Lifecycle[" + name + ", " + now() + "]";
  }
}
