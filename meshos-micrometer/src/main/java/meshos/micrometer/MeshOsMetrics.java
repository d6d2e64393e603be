package meshos.micrometer;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import meshos.tick.MeshOsRuntime;
import meshos.tick.RuntimeState;
import meshos.tick.RuntimeStats;
import meshos.tick.TickListener;
import meshos.tick.TickReport;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the metrics of one {@link MeshOsRuntime} to Micrometer {@link MeterRegistry}s.
 *
 * <p>It is two things at once, because a runtime takes its tick listeners when it is built: a
 * {@link TickListener}, to add to the runtime's builder, which feeds the tick timers, and a {@link
 * MeterBinder}, bound once the runtime exists, which registers the meters:
 *
 * <pre>{@code
 * MeshOsMetrics metrics = new MeshOsMetrics();
 * MeshOsRuntime runtime = MeshOsRuntime.builder()
 *     .name("node-7")
 *     .addTickListener(metrics)          // feeds meshos.tick.duration and meshos.tick.lateness
 *     .build();
 * metrics.observe(runtime).bindTo(meterRegistry);
 * }</pre>
 *
 * <p>Every meter is tagged {@code runtime=<runtime name>} (plus the tags given to the
 * constructor):
 *
 * <ul>
 *   <li>Function counters over {@link MeshOsRuntime#stats()}: {@code meshos.ticks}, {@code
 *       meshos.ticks.late}, {@code meshos.ticks.overrun}, {@code meshos.handler.runs}, {@code
 *       meshos.slots.recovered}, {@code meshos.handler.evictions}, {@code
 *       meshos.handler.restarts} and {@code meshos.handler.given.up} (supervision), {@code
 *       meshos.probe.failures},
 *       {@code meshos.listener.failures}, {@code meshos.phase.failures}, and {@code
 *       meshos.actions} with a tag {@code outcome} = {@code run}, {@code dropped}, {@code failed},
 *       {@code abandoned}.
 *   <li>Gauges: {@code meshos.handlers} (handlers registered), {@code meshos.running} (1 while
 *       the runtime is {@link RuntimeState#RUNNING}, else 0), and the time gauges {@code
 *       meshos.tick.last.duration} and {@code meshos.tick.longest.duration}.
 *   <li>Timers with client-side percentiles (0.5, 0.95, 0.99): {@code meshos.tick.duration} (how
 *       long each tick took) and {@code meshos.tick.lateness} (how much later than due it started;
 *       zero for manual ticks). They see the ticks that end after the first {@link
 *       #bindTo(MeterRegistry)}.
 * </ul>
 *
 * <p>The counters and gauges read the runtime when the registry is read (a scrape or a publish),
 * on the registry's thread; {@code stats()} never blocks. They hold the runtime weakly, as
 * Micrometer does, and read {@code NaN} once it is collected.
 *
 * <p><b>Threads.</b> {@link #observe(MeshOsRuntime)} and {@link #bindTo(MeterRegistry)} may be
 * called from any thread; {@link #onTick(TickReport)} is called by the runtime on its tick thread
 * and records into the timers without locking or allocating.
 */
public final class MeshOsMetrics implements MeterBinder, TickListener {

  /** The percentiles the timers publish. */
  private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

  private static final TickTimers[] NO_TIMERS = {};

  private final Tags extraTags;
  private final Object lock = new Object();
  private volatile @Nullable MeshOsRuntime runtime;
  private volatile TickTimers[] timers = NO_TIMERS;

  /** Metrics tagged with the runtime's name only. */
  public MeshOsMetrics() {
    this(Tags.empty());
  }

  /**
   * Metrics tagged with the runtime's name and {@code tags}.
   *
   * @param tags tags added to every meter, for example the host or the application
   * @throws NullPointerException if {@code tags} is null
   */
  public MeshOsMetrics(Iterable<Tag> tags) {
    this.extraTags = Tags.of(requireNonNull(tags, "tags"));
  }

  /**
   * Names the runtime whose metrics these are: the one built with this object as a tick listener.
   * Call it once, before {@link #bindTo(MeterRegistry)}; calling it again with the same runtime
   * does nothing.
   *
   * @param runtime the runtime to observe
   * @return this, to call {@link #bindTo(MeterRegistry)} next
   * @throws NullPointerException if {@code runtime} is null
   * @throws IllegalStateException if another runtime is already observed
   */
  public MeshOsMetrics observe(MeshOsRuntime runtime) {
    requireNonNull(runtime, "runtime");
    synchronized (lock) {
      MeshOsRuntime current = this.runtime;
      if (current != null && current != runtime) {
        throw new IllegalStateException("these metrics already observe runtime '"
            + current.name() + "'; use one MeshOsMetrics per runtime");
      }
      this.runtime = runtime;
    }
    return this;
  }

  /**
   * Registers the meters of the observed runtime in {@code registry}. May be called for several
   * registries; each gets its own timers, fed by every later tick. Binding the same registry
   * again does nothing.
   *
   * @param registry the registry to register the meters in
   * @throws NullPointerException if {@code registry} is null
   * @throws IllegalStateException if no runtime is observed yet (call {@link
   *     #observe(MeshOsRuntime)} first)
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    requireNonNull(registry, "registry");
    synchronized (lock) {
      MeshOsRuntime observed = runtime;
      if (observed == null) {
        throw new IllegalStateException(
            "no runtime observed: call observe(runtime) before bindTo(registry)");
      }
      for (TickTimers t : timers) {
        if (t.registry == registry) {
          return;
        }
      }
      Tags tags = Tags.of("runtime", observed.name()).and(extraTags);
      bindCounters(registry, observed, tags);
      bindGauges(registry, observed, tags);
      TickTimers added = new TickTimers(registry,
          timer("meshos.tick.duration", "How long each tick took (probes, fold, pass, report)",
              tags, registry),
          timer("meshos.tick.lateness", "How much later than due each tick started", tags,
              registry));
      TickTimers[] next = Arrays.copyOf(timers, timers.length + 1);
      next[next.length - 1] = added;
      timers = next;
    }
  }

  /**
   * Records the tick's duration and lateness in the timers of every registry bound so far.
   * Called by the runtime on its tick thread; does not lock or allocate, and does not throw.
   *
   * @param report what the tick did
   */
  @Override
  public void onTick(TickReport report) {
    for (TickTimers t : timers) {
      t.duration.record(report.duration());
      t.lateness.record(report.lateness());
    }
  }

  @Override
  public String toString() {
    MeshOsRuntime observed = runtime;
    return "MeshOsMetrics[runtime=" + (observed == null ? "none" : observed.name())
        + ", registries=" + timers.length + "]";
  }

  private static void bindCounters(MeterRegistry registry, MeshOsRuntime rt, Tags tags) {
    counter(registry, rt, tags, "meshos.ticks", "Ticks run", RuntimeStats::ticks);
    counter(registry, rt, tags, "meshos.ticks.late", "Ticks that started late",
        RuntimeStats::lateTicks);
    counter(registry, rt, tags, "meshos.ticks.overrun", "Ticks longer than the tick budget",
        RuntimeStats::overruns);
    counter(registry, rt, tags, "meshos.handler.runs", "Recovery handler invocations",
        RuntimeStats::handlerRuns);
    counter(registry, rt, tags, "meshos.slots.recovered", "Slots reported recovered",
        RuntimeStats::slotsRecovered);
    counter(registry, rt, tags, "meshos.handler.evictions", "Recovery handlers evicted",
        RuntimeStats::evictions);
    counter(registry, rt, tags, "meshos.handler.restarts",
        "Evicted handlers re-registered by supervision after their backoff", RuntimeStats::restarts);
    counter(registry, rt, tags, "meshos.handler.given.up",
        "Evicted handlers supervision gave up for good", RuntimeStats::givenUp);
    counter(registry, rt, tags, "meshos.probe.failures", "Probe calls that failed",
        RuntimeStats::probeFailures);
    counter(registry, rt, tags, "meshos.listener.failures", "Tick listener calls that threw",
        RuntimeStats::listenerFailures);
    counter(registry, rt, tags, "meshos.phase.failures", "Tick phases ended by an error",
        RuntimeStats::phaseFailures);
    String actions = "Actions of the action queue, by outcome";
    counter(registry, rt, tags.and("outcome", "run"), "meshos.actions", actions,
        RuntimeStats::actionsRun);
    counter(registry, rt, tags.and("outcome", "dropped"), "meshos.actions", actions,
        RuntimeStats::actionsDropped);
    counter(registry, rt, tags.and("outcome", "failed"), "meshos.actions", actions,
        RuntimeStats::actionsFailed);
    counter(registry, rt, tags.and("outcome", "abandoned"), "meshos.actions", actions,
        RuntimeStats::actionsAbandoned);
  }

  private static void bindGauges(MeterRegistry registry, MeshOsRuntime rt, Tags tags) {
    Gauge.builder("meshos.handlers", rt, r -> r.recoveryRegistry().size())
        .description("Recovery handlers registered")
        .tags(tags)
        .register(registry);
    Gauge.builder("meshos.running", rt, r -> r.state() == RuntimeState.RUNNING ? 1 : 0)
        .description("1 while the runtime is RUNNING, else 0")
        .tags(tags)
        .register(registry);
    timeGauge(registry, rt, tags, "meshos.tick.last.duration", "Duration of the latest tick",
        s -> s.lastTickDuration());
    timeGauge(registry, rt, tags, "meshos.tick.longest.duration", "Longest tick so far",
        s -> s.maxTickDuration());
  }

  private static void counter(MeterRegistry registry, MeshOsRuntime rt, Tags tags, String name,
      String description, ToLong stat) {
    FunctionCounter.builder(name, rt, r -> (double) stat.of(r.stats()))
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private static void timeGauge(MeterRegistry registry, MeshOsRuntime rt, Tags tags, String name,
      String description, ToDuration stat) {
    ToDoubleFunction<MeshOsRuntime> nanos = r -> (double) stat.of(r.stats()).toNanos();
    TimeGauge.builder(name, rt, TimeUnit.NANOSECONDS, nanos)
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private static Timer timer(String name, String description, Tags tags,
      MeterRegistry registry) {
    return Timer.builder(name)
        .description(description)
        .tags(tags)
        .publishPercentiles(PERCENTILES)
        .register(registry);
  }

  /** A counter of {@link RuntimeStats}. */
  @FunctionalInterface
  private interface ToLong {
    long of(RuntimeStats stats);
  }

  /** A duration of {@link RuntimeStats}. */
  @FunctionalInterface
  private interface ToDuration {
    Duration of(RuntimeStats stats);
  }

  /** The two timers of one registry. */
  private static final class TickTimers {
    final MeterRegistry registry;
    final Timer duration;
    final Timer lateness;

    TickTimers(MeterRegistry registry, Timer duration, Timer lateness) {
      this.registry = registry;
      this.duration = duration;
      this.lateness = lateness;
    }
  }
}
