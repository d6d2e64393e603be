package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.function.LongSupplier;
import meshos.tick.MissedTickPolicy;

/**
 * The tick deadlines of one runtime, computed from a monotonic clock in nanoseconds (never with
 * {@code scheduleAtFixedRate}). Confined to the tick thread.
 */
public final class TickSchedule {
  /** Lateness below this is jitter, not a late tick: min(5 ms, interval / 4). */
  private static final long MAX_TOLERANCE_NANOS = 5_000_000L;

  private final MissedTickPolicy policy;
  private final long intervalNanos;
  private final long toleranceNanos;
  private final LongSupplier clock;
  private long due;

  /**
   * @param policy what to do after a late tick
   * @param intervalNanos the tick interval, positive
   * @param clock monotonic time in nanoseconds, such as {@code System::nanoTime}
   */
  public TickSchedule(MissedTickPolicy policy, long intervalNanos, LongSupplier clock) {
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("interval must be positive: " + intervalNanos + " ns");
    }
    this.policy = requireNonNull(policy, "policy");
    this.intervalNanos = intervalNanos;
    this.toleranceNanos = Math.min(MAX_TOLERANCE_NANOS, intervalNanos / 4);
    this.clock = requireNonNull(clock, "clock");
  }

  /** Starts the schedule now: the first tick is due one interval from now. */
  public void start() {
    due = clock.getAsLong() + intervalNanos;
  }

  /** The clock's reading now. */
  public long now() {
    return clock.getAsLong();
  }

  /** When the next tick is due, in the clock's nanoseconds. */
  public long due() {
    return due;
  }

  /** Nanoseconds until the next tick is due; zero or negative when it is due now. */
  public long nanosUntilDue() {
    return due - clock.getAsLong();
  }

  /** True if a tick that started at {@code startedAt} for the current due time counts as late. */
  public boolean isLate(long startedAt) {
    return startedAt - due > toleranceNanos;
  }

  /**
   * Moves the schedule past the tick that was due at {@link #due()}, started at {@code startedAt}
   * and finished at {@code finishedAt}.
   */
  public void tickDone(long startedAt, long finishedAt) {
    long onGrid = due + intervalNanos;
    switch (policy) {
      case BURST -> due = onGrid;
      case DELAY -> due = isLate(startedAt) ? startedAt + intervalNanos : onGrid;
      case SKIP -> {
        if (onGrid - finishedAt > 0) {
          due = onGrid;
        } else {
          long missed = (finishedAt - onGrid) / intervalNanos + 1;
          due = onGrid + missed * intervalNanos;
        }
      }
    }
  }
}
