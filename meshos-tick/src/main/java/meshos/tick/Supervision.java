package meshos.tick;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the runtime does with a recovery handler its registry evicted (one that threw, returned
 * {@code null} or a negative index, or was taken off the tick for overrunning its budget). Set with
 * {@link MeshOsRuntime.Builder#supervision(Supervision)}; immutable and thread-safe.
 *
 * <pre>{@code
 * MeshOsRuntime.builder()
 *     .supervision(Supervision.restartWithBackoff(Duration.ofMillis(500), Duration.ofSeconds(60))
 *         .maxRestarts(5, Duration.ofMinutes(1)))
 * }</pre>
 *
 * <ul>
 *   <li>{@link #evict()}, the default: an evicted handler is gone for good (registry rule 6).
 *   <li>{@link #restartWithBackoff(Duration, Duration)}: an evicted handler is <em>quarantined</em>
 *       and re-registered, at the end of the order, by the first tick that starts at least its
 *       backoff after the eviction. The backoff is {@code min} for a first eviction and doubles
 *       with each consecutive one, up to {@code max}; a handler that runs for {@code max} after a
 *       restart without being evicted starts again from {@code min}. With {@link #maxRestarts(int,
 *       Duration)}, a handler evicted when it has already been restarted {@code maxRestarts} times
 *       within the window is <em>given up</em>: evicted for good. A {@link VirtualMachineError}
 *       other than {@link StackOverflowError} is never restarted.
 * </ul>
 *
 * <p>Time is the runtime's monotonic clock ({@link MeshOsRuntime.Builder#nanoClock}).
 */
public final class Supervision {
  /** Longest duration accepted, as for every duration option of the runtime: 36,500 days. */
  private static final Duration LONGEST = Duration.ofDays(36_500);

  private static final Supervision EVICT =
      new Supervision(false, Duration.ZERO, Duration.ZERO, Integer.MAX_VALUE, Duration.ZERO);

  private final boolean restart;
  private final Duration min;
  private final Duration max;
  private final int maxRestarts;
  private final Duration window;

  private Supervision(boolean restart, Duration min, Duration max, int maxRestarts,
      Duration window) {
    this.restart = restart;
    this.min = min;
    this.max = max;
    this.maxRestarts = maxRestarts;
    this.window = window;
  }

  /**
   * The default: an evicted handler is removed for good, as the registry's rule 6 says.
   *
   * @return the evicting policy
   */
  public static Supervision evict() {
    return EVICT;
  }

  /**
   * Quarantines an evicted handler and restarts it after a backoff that doubles from {@code min}
   * to {@code max} with each consecutive eviction; restarts without limit unless {@link
   * #maxRestarts(int, Duration)} sets one.
   *
   * @param min the backoff after a first eviction; positive, at most 36,500 days
   * @param max the longest backoff; at least {@code min}, at most 36,500 days
   * @return the restarting policy
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException naming {@code min} or {@code max} if one is out of range
   */
  public static Supervision restartWithBackoff(Duration min, Duration max) {
    positive(min, "min");
    positive(max, "max");
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("max must be at least min (" + min + "): " + max);
    }
    return new Supervision(true, min, max, Integer.MAX_VALUE, LONGEST);
  }

  /**
   * Gives a handler up, instead of restarting it, when it is evicted after having been restarted
   * {@code maxRestarts} times within the last {@code window}; so a handler that fails on every call
   * is restarted exactly {@code maxRestarts} times. Restarts older than the window stop counting.
   *
   * @param maxRestarts the most restarts within the window; 0 gives up at the first eviction
   * @param window how far back restarts count; positive, at most 36,500 days
   * @return a copy of this policy with the limit
   * @throws NullPointerException if {@code window} is null
   * @throws IllegalArgumentException naming {@code maxRestarts} or {@code window} if one is out of
   *     range
   * @throws IllegalStateException if this is {@link #evict()}, which never restarts
   */
  public Supervision maxRestarts(int maxRestarts, Duration window) {
    requireNonNull(window, "window");
    if (!restart) {
      throw new IllegalStateException(
          "maxRestarts needs restartWithBackoff(min, max): evict() never restarts");
    }
    if (maxRestarts < 0) {
      throw new IllegalArgumentException("maxRestarts must not be negative: " + maxRestarts);
    }
    positive(window, "window");
    return new Supervision(true, min, max, maxRestarts, window);
  }

  /**
   * Whether this policy restarts evicted handlers.
   *
   * @return false for {@link #evict()}
   */
  public boolean restarts() {
    return restart;
  }

  /**
   * The backoff after a first eviction.
   *
   * @return {@code min}; zero for {@link #evict()}
   */
  public Duration minBackoff() {
    return min;
  }

  /**
   * The longest backoff.
   *
   * @return {@code max}; zero for {@link #evict()}
   */
  public Duration maxBackoff() {
    return max;
  }

  /**
   * The most restarts within {@link #restartWindow()}.
   *
   * @return {@code maxRestarts}; {@link Integer#MAX_VALUE} when there is no limit
   */
  public int maxRestarts() {
    return maxRestarts;
  }

  /**
   * How far back restarts count towards {@link #maxRestarts()}.
   *
   * @return the window; 36,500 days when there is no limit, zero for {@link #evict()}
   */
  public Duration restartWindow() {
    return window;
  }

  /**
   * Whether {@code other} is a policy with the same rule and durations.
   *
   * @param other any object, or null
   * @return whether it is an equal policy
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Supervision s && restart == s.restart && min.equals(s.min)
        && max.equals(s.max) && maxRestarts == s.maxRestarts && window.equals(s.window);
  }

  /**
   * A hash code consistent with {@link #equals}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return java.util.Objects.hash(restart, min, max, maxRestarts, window);
  }

  /**
   * Describes the policy, for example {@code restartWithBackoff(PT0.5S, PT1M).maxRestarts(5,
   * PT1M)}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    if (!restart) {
      return "evict()";
    }
    return "restartWithBackoff(" + min + ", " + max + ")"
        + (maxRestarts == Integer.MAX_VALUE ? "" : ".maxRestarts(" + maxRestarts + ", " + window
            + ")");
  }

  private static void positive(Duration d, String what) {
    requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + d);
    }
    if (d.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(what + " must be at most " + LONGEST + ": " + d);
    }
  }
}
