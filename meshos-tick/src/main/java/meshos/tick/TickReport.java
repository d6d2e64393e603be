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
  private final boolean overBudget;
  private final List<String> overrunCulprits;
  private final List<String> restarted;
  private final List<HandlerEviction> givenUp;

  TickReport(long tick, Instant startedAt, Duration duration, Duration lateness, int handlersRun,
      int[] recoveredSlots, List<HandlerEviction> evictions, List<ProbeFailure> probeFailures,
      boolean overBudget, List<String> overrunCulprits, List<String> restarted,
      List<HandlerEviction> givenUp) {
    this.tick = tick;
    this.startedAt = requireNonNull(startedAt, "startedAt");
    this.duration = requireNonNull(duration, "duration");
    this.lateness = requireNonNull(lateness, "lateness");
    this.handlersRun = handlersRun;
    this.recoveredSlots = requireNonNull(recoveredSlots, "recoveredSlots");
    this.evictions = List.copyOf(evictions);
    this.probeFailures = List.copyOf(probeFailures);
    this.overBudget = overBudget;
    this.overrunCulprits = List.copyOf(overrunCulprits);
    this.restarted = List.copyOf(restarted);
    this.givenUp = List.copyOf(givenUp);
  }

  /** {@return the tick's number: 1 for the first tick of a runtime} */
  public long tick() {
    return tick;
  }

  /** {@return wall-clock time at which the tick started} */
  public Instant startedAt() {
    return startedAt;
  }

  /** {@return how long the tick took, probes, handlers and report included (listeners excluded)} */
  public Duration duration() {
    return duration;
  }

  /** {@return how much later than due the tick started; zero for a manual tick} */
  public Duration lateness() {
    return lateness;
  }

  /**
   * The number of handler calls the tick's pass made: a handler unregistered during the pass
   * before its turn is not counted, an evicted one is. (With an injected registry other than
   * {@link meshos.registry.LockingRecoveryRegistry}, which cannot tell, the registry's size when
   * the pass started.)
   *
   * @return the handler calls of the tick's pass
   */
  public int handlersRun() {
    return handlersRun;
  }

  /** {@return the slots recovered in this tick, in handler order; a new array on every call} */
  public int[] recoveredSlots() {
    return recoveredSlots.clone();
  }

  /** {@return the number of slots recovered in this tick} */
  public int slotsRecovered() {
    return recoveredSlots.length;
  }

  /** {@return the handlers evicted in this tick, in the order they failed} */
  public List<HandlerEviction> evictions() {
    return evictions;
  }

  /** {@return the probes that failed in this tick (skipped and kept), in poll order} */
  public List<ProbeFailure> probeFailures() {
    return probeFailures;
  }

  /** {@return whether the tick took longer than the runtime's tick budget} */
  public boolean overBudget() {
    return overBudget;
  }

  /**
   * When {@link #overBudget()}: what the tick was doing once the budget had run out, most often
   * seen first: the running handler, named by its provider's class for a discovered handler, else
   * by the class and method of its code ({@code "com.example.MyHandler.recover"}, read from the
   * tick thread's stack); or a phase ({@code "probe poll"}, {@code "snapshot fold"}, {@code
   * "recovery pass"}); or {@code "<not sampled: ...>"} when the tick ended before the watchdog
   * sampled it. Empty otherwise.
   *
   * @return the culprits of the overrun, most often seen first; empty if the tick was on budget
   */
  public List<String> overrunCulprits() {
    return overrunCulprits;
  }

  /**
   * The handlers that {@linkplain Supervision supervision} re-registered at the start of this tick
   * (their quarantine was over), in the order they were quarantined; they ran in this tick, at the
   * end of the order. Empty with {@link Supervision#evict()}.
   *
   * @return the handlers' names
   */
  public List<String> restarted() {
    return restarted;
  }

  /**
   * The evictions of this tick whose handlers supervision gave up for good (too many restarts
   * within the window, or a fatal error); each is also in {@link #evictions()}. Empty with {@link
   * Supervision#evict()}, under which every eviction is for good.
   *
   * @return the given-up evictions, in the order they happened
   */
  public List<HandlerEviction> givenUp() {
    return givenUp;
  }

  @Override
  public String toString() {
    return "TickReport{tick=" + tick + ", duration=" + duration + ", lateness=" + lateness
        + ", handlersRun=" + handlersRun + ", recoveredSlots=" + Arrays.toString(recoveredSlots)
        + ", evictions=" + evictions.size() + ", probeFailures=" + probeFailures.size()
        + (overBudget ? ", overBudget, culprits=" + overrunCulprits : "")
        + (restarted.isEmpty() ? "" : ", restarted=" + restarted)
        + (givenUp.isEmpty() ? "" : ", givenUp=" + givenUp.size()) + '}';
  }
}
