package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import meshos.api.RecoveryHandler;
import org.jspecify.annotations.Nullable;

/**
 * Finds the handler <em>instance</em> to take off the tick under {@code
 * evictOverrunningHandlers(strikes)}: the one that was the main culprit of {@code strikes}
 * consecutive over-budget ticks.
 *
 * <p>How the instance is found, at no cost to a tick that keeps its budget: each time the watchdog
 * samples a pass that is over budget it calls {@link #sampled()}, which asks the registry to name
 * the handler whose call is running ({@code LockingRecoveryRegistry.markRunningCall}); the pass
 * names it when that call returns. The samples taken since the previous report are credited to the
 * named handler, so the main culprit of a tick is the instance seen running in most samples (the
 * first reported on a tie), the way the watchdog ranks culprits by name. A sample taken in the few
 * instructions between one call's return and the next call is credited to the call that returned.
 *
 * <p>Threads: {@link #sampled()} on the watchdog thread; {@link #tickStarted()}, {@link
 * #tickEnded(boolean)} and the registry's report on the thread running the tick.
 */
public final class OverrunStrikes {
  private static final long NONE = Long.MIN_VALUE;

  /** The registry's {@code markRunningCall}. */
  @FunctionalInterface
  public interface CallMarker {
    /**
     * Asks the pass in progress to name the handler whose call is running, once it returns.
     *
     * @param whenReturned told the handler, on the thread running the pass
     * @return whether a pass was in progress
     */
    boolean markRunningCall(Consumer<? super RecoveryHandler> whenReturned);
  }

  /**
   * A handler to take off the tick.
   *
   * @param handler the instance
   * @param measuredNanos how long its call was seen running in the last over-budget tick: from the
   *     first sample that found it running to its return
   * @param strikes the consecutive over-budget ticks it was the main culprit of
   */
  public record Strike(RecoveryHandler handler, long measuredNanos, int strikes) {}

  private final int strikes;
  private final CallMarker marker;
  private final LongSupplier clock;
  private final Consumer<RecoveryHandler> onReturn;

  private final AtomicInteger pendingSamples = new AtomicInteger();
  private final AtomicLong firstSampleNanos = new AtomicLong(NONE);

  /** The tick's culprits, in the order reported; null while none was. Tick thread only. */
  private @Nullable List<Tally> tally;

  private @Nullable RecoveryHandler suspect;
  private int suspectStrikes;

  /**
   * Creates the strike tracking of one runtime.
   *
   * @param strikes consecutive over-budget ticks before the culprit is taken off; positive
   * @param marker the runtime registry's {@code markRunningCall}
   * @param clock the runtime's monotonic clock, in nanoseconds
   * @throws IllegalArgumentException if {@code strikes} is not positive
   */
  public OverrunStrikes(int strikes, CallMarker marker, LongSupplier clock) {
    if (strikes <= 0) {
      throw new IllegalArgumentException("evictOverrunningHandlers must be positive: " + strikes);
    }
    this.strikes = strikes;
    this.marker = requireNonNull(marker, "marker");
    this.clock = requireNonNull(clock, "clock");
    this.onReturn = this::callReturned;
  }

  /**
   * The number of consecutive over-budget ticks that takes the culprit off.
   *
   * @return the strikes
   */
  public int strikes() {
    return strikes;
  }

  /**
   * The watchdog sampled the pass of an over-budget tick: asks the registry to name the running
   * handler. Watchdog thread only.
   */
  public void sampled() {
    firstSampleNanos.compareAndSet(NONE, clock.getAsLong());
    pendingSamples.incrementAndGet();
    marker.markRunningCall(onReturn);
  }

  /** A tick starts (thread running the tick): forgets samples left from the previous one. */
  public void tickStarted() {
    pendingSamples.set(0);
    firstSampleNanos.set(NONE);
    tally = null;
  }

  /** The registry names the handler whose marked call has just returned (thread running the tick). */
  void callReturned(RecoveryHandler handler) {
    int samples = pendingSamples.getAndSet(0);
    long first = firstSampleNanos.getAndSet(NONE);
    long seen = first == NONE ? 0 : Math.max(0, clock.getAsLong() - first);
    List<Tally> culprits = tally;
    if (culprits == null) {
      culprits = new ArrayList<>(2);
      tally = culprits;
    }
    for (Tally t : culprits) {
      if (t.handler == handler) {
        t.samples += samples;
        t.lastSeenNanos = seen;
        return;
      }
    }
    culprits.add(new Tally(handler, samples, seen));
  }

  /**
   * A tick ended (thread running the tick). An on-time tick, or an over-budget one whose main
   * culprit was not a handler (or was not seen), clears the strikes.
   *
   * @param overBudget whether the tick exceeded its budget
   * @return the handler to take off the tick now, or null
   */
  public @Nullable Strike tickEnded(boolean overBudget) {
    Tally main = overBudget ? mainCulprit() : null;
    tally = null;
    if (main == null) {
      suspect = null;
      suspectStrikes = 0;
      return null;
    }
    if (main.handler == suspect) {
      suspectStrikes++;
    } else {
      suspect = main.handler;
      suspectStrikes = 1;
    }
    if (suspectStrikes < strikes) {
      return null;
    }
    suspect = null;
    suspectStrikes = 0;
    return new Strike(main.handler, main.lastSeenNanos, strikes);
  }

  private @Nullable Tally mainCulprit() {
    List<Tally> culprits = tally;
    if (culprits == null) {
      return null;
    }
    Tally main = null;
    for (Tally t : culprits) {
      if (t.samples > 0 && (main == null || t.samples > main.samples)) {
        main = t;
      }
    }
    return main;
  }

  @Override
  public String toString() {
    return "OverrunStrikes[" + strikes + "]";
  }

  /** Samples credited to one handler during one tick. */
  private static final class Tally {
    final RecoveryHandler handler;
    int samples;
    long lastSeenNanos;

    Tally(RecoveryHandler handler, int samples, long seenNanos) {
      this.handler = handler;
      this.samples = samples;
      this.lastSeenNanos = seenNanos;
    }
  }
}
