package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.api.spi.RecoveryContext;
import meshos.probes.ProbeRegistry;
import meshos.tick.MissedTickPolicy;
import meshos.tick.ProviderInfo;
import meshos.tick.Supervision;
import meshos.tick.TickListener;
import org.jspecify.annotations.Nullable;

/**
 * The validated, immutable configuration of one runtime: what {@code MeshOsRuntime.Builder}
 * produces. Durations are held in nanoseconds, checked once by {@link #nanos} when the builder's
 * setter is called, so that nothing downstream can overflow. Any thread.
 *
 * @param name the runtime's name
 * @param tickIntervalNanos time between ticks
 * @param tickBudgetNanos how long a tick may take before it is an overrun
 * @param shutdownTimeoutNanos bound of each of close()'s two waits
 * @param missedTickPolicy what to do after a late tick
 * @param manual no tick thread: ticks are run by {@code tick()}
 * @param excludedProviders provider class names never instantiated (builder and system property)
 * @param actionQueueCapacity the most actions queued at once
 * @param recoveryRegistry an injected registry, or null for a new one
 * @param probeRegistry an injected probe registry, or null for a new one
 * @param listeners tick listeners, in order
 * @param nanoClock the runtime's monotonic clock
 * @param discoverer the start-up discovery (null: none)
 * @param logger where the runtime's log records go (built and logged off the tick thread)
 * @param watchdogSamples a test seam told every culprit the watchdog samples
 * @param supervision what becomes of an evicted handler
 * @param overrunStrikes consecutive over-budget ticks after which their main culprit is taken off
 *     the tick; 0: never
 */
public record RuntimeConfig(
    String name,
    long tickIntervalNanos,
    long tickBudgetNanos,
    long shutdownTimeoutNanos,
    MissedTickPolicy missedTickPolicy,
    boolean manual,
    Set<String> excludedProviders,
    int actionQueueCapacity,
    @Nullable RecoveryRegistry recoveryRegistry,
    @Nullable ProbeRegistry probeRegistry,
    List<TickListener> listeners,
    LongSupplier nanoClock,
    @Nullable Discoverer discoverer,
    System.Logger logger,
    Consumer<String> watchdogSamples,
    Supervision supervision,
    int overrunStrikes) {

  /**
   * The longest duration any option accepts: 100 years, so that a deadline computed from it (now
   * plus it) can never overflow a {@code long} of nanoseconds.
   */
  public static final Duration MAX_DURATION = Duration.ofDays(36_500);

  /** Checks every field. */
  public RuntimeConfig {
    requireNonNull(name, "name");
    requireNonNull(missedTickPolicy, "missedTickPolicy");
    excludedProviders = Set.copyOf(excludedProviders);
    listeners = List.copyOf(listeners);
    requireNonNull(nanoClock, "nanoClock");
    requireNonNull(logger, "logger");
    requireNonNull(watchdogSamples, "watchdogSamples");
    requireNonNull(supervision, "supervision");
    if (tickIntervalNanos <= 0 || tickBudgetNanos <= 0 || shutdownTimeoutNanos <= 0
        || actionQueueCapacity <= 0 || overrunStrikes < 0) {
      throw new IllegalArgumentException("durations and capacity must be positive");
    }
  }

  /**
   * Validates a duration given to the builder option {@code option}.
   *
   * @param duration the value given
   * @param option the option's name, used in the exception messages
   * @return the duration in nanoseconds, positive and at most {@link #MAX_DURATION}
   * @throws NullPointerException naming {@code option} if {@code duration} is null
   * @throws IllegalArgumentException naming {@code option} if {@code duration} is negative, zero
   *     or longer than {@link #MAX_DURATION}
   */
  public static long nanos(Duration duration, String option) {
    requireNonNull(duration, option);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(option + " must be positive: " + duration);
    }
    if (duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          option + " must be at most " + MAX_DURATION.toDays() + " days: " + duration);
    }
    return duration.toNanos();
  }

  /** The shutdown timeout as a {@link Duration}, for messages. */
  Duration shutdownTimeout() {
    return Duration.ofNanos(shutdownTimeoutNanos);
  }

  /** The tick budget as a {@link Duration}, for messages. */
  Duration tickBudget() {
    return Duration.ofNanos(tickBudgetNanos);
  }

  /** Start-up discovery: registers providers' handlers; the seam behind ProviderDiscovery. */
  @FunctionalInterface
  public interface Discoverer {
    /**
     * Discovers providers and registers their handlers, on the thread calling {@code start()}.
     *
     * @param context handed to every provider
     * @param register called with each created handler and its provider's class name
     * @return every provider seen
     */
    List<ProviderInfo> discover(
        RecoveryContext context, BiConsumer<RecoveryHandler, String> register);
  }
}
