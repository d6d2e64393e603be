package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The tick thread ({@code meshos-tick-<name>}) and its schedule: it parks until the next tick is
 * due, runs the tick while holding the runtime's tick gate, and moves the schedule on. Nothing but
 * a stop request ends it: a throw escaping a tick is reported and the loop goes on, and an
 * interrupt from outside is cleared and ignored (it never makes the loop spin, and never reaches a
 * tick). When the loop ends, its thread runs the {@code onExit} given to {@link #start} (which
 * terminates the runtime if no other thread claimed that). The loop's state is confined to its thread; {@link #start}, {@link
 * #wake} and {@link #thread} may be called from any thread.
 */
public final class TickLoop {
  private final String threadName;
  private final TickSchedule schedule;
  private final ReentrantLock gate;
  private final BooleanSupplier running;
  private final LongConsumer tick;
  private final Runnable lateTick;
  private volatile Runnable onExit = () -> { };
  private final FailureSink failures;
  private final AtomicLong parks = new AtomicLong();
  private volatile @Nullable Thread thread;

  /** Reports a throw that escaped a tick. */
  @FunctionalInterface
  public interface FailureSink {
    /**
     * Reports {@code t}.
     *
     * @param t what escaped the tick
     */
    void failed(Throwable t);
  }

  /**
   * @param threadName the tick thread's name
   * @param schedule the tick deadlines, confined to the tick thread once started
   * @param gate held while a tick runs (the runtime's tick gate)
   * @param running false once a stop was requested
   * @param tick runs one tick, given its lateness in nanoseconds
   * @param lateTick told about every late tick
   * @param failures told about a throw that escaped a tick
   */
  public TickLoop(String threadName, TickSchedule schedule, ReentrantLock gate,
      BooleanSupplier running, LongConsumer tick, Runnable lateTick,
      FailureSink failures) {
    this.threadName = requireNonNull(threadName, "threadName");
    this.schedule = requireNonNull(schedule, "schedule");
    this.gate = requireNonNull(gate, "gate");
    this.running = requireNonNull(running, "running");
    this.tick = requireNonNull(tick, "tick");
    this.lateTick = requireNonNull(lateTick, "lateTick");
    this.failures = requireNonNull(failures, "failures");
  }

  /**
   * Starts the schedule (first tick one interval from now) and the tick thread; once.
   *
   * @param onExit run on the tick thread when the loop ends
   */
  public void start(Runnable onExit) {
    this.onExit = requireNonNull(onExit, "onExit");
    Thread t = new Thread(this::loop, threadName);
    t.setDaemon(true);
    thread = t;
    schedule.start();
    t.start();
  }

  /** The tick thread, or null before {@link #start}. */
  public @Nullable Thread thread() {
    return thread;
  }

  /** Wakes the tick thread so that it sees a stop request (or a clock moved by a test). */
  public void wake() {
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** How many times the loop has parked: a test seam showing that it does not spin. */
  public long parks() {
    return parks.get();
  }

  private void loop() {
    try {
      while (running.getAsBoolean()) {
        Thread.interrupted(); // an interrupt from outside is ignored, and never reaches a tick
        long wait = schedule.nanosUntilDue();
        if (wait > 0) {
          parks.incrementAndGet();
          LockSupport.parkNanos(this, wait);
          continue;
        }
        runDueTick();
      }
    } finally {
      onExit.run();
    }
  }

  private void runDueTick() {
    gate.lock();
    try {
      if (!running.getAsBoolean()) {
        return;
      }
      long started = schedule.now();
      if (schedule.isLate(started)) {
        lateTick.run();
      }
      try {
        tick.accept(Math.max(0, started - schedule.due()));
      } catch (Throwable t) {
        failures.failed(t);
      } finally {
        schedule.tickDone(started, schedule.now()); // even after a failure: no busy loop
      }
    } finally {
      gate.unlock();
    }
  }
}
