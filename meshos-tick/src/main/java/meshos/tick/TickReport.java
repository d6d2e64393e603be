package meshos.tick;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import meshos.probes.ProbeFailure;

/**
 * What one tick did: when it ran, how long it took, what it recovered and what failed. Immutable.
 */
public final class TickReport {
  private final long tick;
  private final Instant startedAt;
  private final Duration duration;
  private final Duration lateness;
  private final int handlersRun;
  private final int[] recoveredSlots;
  private final List<HandlerEviction> evictions;
  private final List<ProbeFailure> probeFailures;

  TickReport(long tick, Instant startedAt, Duration duration, Duration lateness, int handlersRun,
      int[] recoveredSlots, List<HandlerEviction> evictions, List<ProbeFailure> probeFailures) {
    this.tick = tick;
    this.startedAt = requireNonNull(startedAt, "startedAt");
    this.duration = requireNonNull(duration, "duration");
    this.lateness = requireNonNull(lateness, "lateness");
    this.handlersRun = handlersRun;
    this.recoveredSlots = requireNonNull(recoveredSlots, "recoveredSlots");
    this.evictions = List.copyOf(evictions);
    this.probeFailures = List.copyOf(probeFailures);
  }

  /** The tick's number: 1 for the first tick of a runtime. */
  public long tick() {
    return tick;
  }

  /** Wall-clock time at which the tick started. */
  public Instant startedAt() {
    return startedAt;
  }

  /** How long the tick took, probes, handlers and report included (listeners excluded). */
  public Duration duration() {
    return duration;
  }

  /** How much later than due the tick started; zero for a manual tick. */
  public Duration lateness() {
    return lateness;
  }

  /** The number of handlers registered when the pass started. */
  public int handlersRun() {
    return handlersRun;
  }

  /** The slots recovered in this tick, in handler order; a new array on every call. */
  public int[] recoveredSlots() {
    return recoveredSlots.clone();
  }

  /** The number of slots recovered in this tick. */
  public int slotsRecovered() {
    return recoveredSlots.length;
  }

  /** The handlers evicted in this tick, in the order they failed. */
  public List<HandlerEviction> evictions() {
    return evictions;
  }

  /** The probes that failed in this tick (skipped and kept), in poll order. */
  public List<ProbeFailure> probeFailures() {
    return probeFailures;
  }

  @Override
  public String toString() {
    return "TickReport{tick=" + tick + ", duration=" + duration + ", lateness=" + lateness
        + ", handlersRun=" + handlersRun + ", recoveredSlots=" + Arrays.toString(recoveredSlots)
        + ", evictions=" + evictions.size() + ", probeFailures=" + probeFailures.size() + '}';
  }
}
