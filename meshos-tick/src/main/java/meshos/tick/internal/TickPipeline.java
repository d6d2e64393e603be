package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import meshos.api.RecoveryRegistry;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeFailure;
import meshos.probes.ProbeReadings;
import meshos.probes.ProbeRegistry;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.HandlerEviction;
import meshos.tick.TickReport;
import org.jspecify.annotations.Nullable;

/**
 * Runs one tick and returns its report: hooks → poll probes → fold the readings into the snapshot
 * → recovery pass (its evictions come back as data, from the {@link EvictionRecorder}) → pass-end
 * and eviction hooks → report (counters, JFR, listeners; logs queued). Each phase is guarded on its own: a
 * failure in one is reported and never skips the next. Owned by the ticking thread: the tick
 * thread, or the caller of a manual {@code tick()}; ticks run one after the other (the runtime's
 * tick gate), so the pipeline's state passes from one ticking thread to the next.
 */
public final class TickPipeline {
  private static final int[] NO_SLOTS = new int[0];

  /** Builds a {@link TickReport} (its constructor is not public). */
  @FunctionalInterface
  public interface ReportFactory {
    /**
     * A report with these fields; see {@link TickReport}.
     *
     * @param tick the tick's number
     * @param startedAt wall-clock start
     * @param duration the tick's duration
     * @param lateness how late it started
     * @param handlersRun handler invocations
     * @param recoveredSlots the pass's slots
     * @param evictions the pass's evictions
     * @param probeFailures the poll's failures
     * @param overBudget whether it overran
     * @param overrunCulprits the overrun's culprits
     * @param restarted the handlers supervision restarted
     * @param givenUp the evictions supervision gave up
     * @return the report
     */
    TickReport create(long tick, Instant startedAt, Duration duration, Duration lateness,
        int handlersRun, int[] recoveredSlots, List<HandlerEviction> evictions,
        List<ProbeFailure> probeFailures, boolean overBudget, List<String> overrunCulprits,
        List<String> restarted, List<HandlerEviction> givenUp);
  }

  private final RecoveryRegistry registry;
  private final ProbeRegistry probes;
  private final EvictionRecorder recorder;
  private final TickProgress progress;
  private final TickWatchdog watchdog;
  private final TickReporter reporter;
  private final RuntimeCounters counters;
  private final LongSupplier clock;
  private final ReportFactory reports;
  private final @Nullable LongSupplier handlerCalls;
  private volatile TickHooks hooks = TickHooks.NONE;
  private volatile PeerSnapshot snapshot = PeerSnapshot.empty();

  /**
   * @param registry the registry whose pass the tick runs (not the users' view of it)
   * @param probes the probes polled
   * @param recorder the registry's eviction listener
   * @param progress published for the watchdog
   * @param watchdog the overrun sampler
   * @param reporter reports each tick
   * @param counters the runtime's counters
   * @param clock the runtime's monotonic clock
   * @param reports builds reports
   */
  public TickPipeline(RecoveryRegistry registry, ProbeRegistry probes, EvictionRecorder recorder,
      TickProgress progress, TickWatchdog watchdog, TickReporter reporter,
      RuntimeCounters counters, LongSupplier clock, ReportFactory reports) {
    this.registry = requireNonNull(registry, "registry");
    this.probes = requireNonNull(probes, "probes");
    this.recorder = requireNonNull(recorder, "recorder");
    this.progress = requireNonNull(progress, "progress");
    this.watchdog = requireNonNull(watchdog, "watchdog");
    this.reporter = requireNonNull(reporter, "reporter");
    this.counters = requireNonNull(counters, "counters");
    this.clock = requireNonNull(clock, "clock");
    this.reports = requireNonNull(reports, "reports");
    this.handlerCalls = registry instanceof LockingRecoveryRegistry locking
        ? locking::handlerCalls : null;
  }

  /**
   * Installs the tick's hooks (supervision); any thread, before or between ticks.
   *
   * @param hooks the hooks
   */
  public void hooks(TickHooks hooks) {
    this.hooks = requireNonNull(hooks, "hooks");
  }

  /** The snapshot as of the latest tick; any thread. */
  public PeerSnapshot snapshot() {
    return snapshot;
  }

  /**
   * Runs one tick on the calling thread.
   *
   * @param latenessNanos how late the tick starts (zero for a manual tick)
   * @return the tick's report
   */
  public TickReport run(long latenessNanos) {
    TickEvent event = new TickEvent();
    event.begin();
    long tick = counters.ticks() + 1;
    Instant startedAt = Instant.now();
    long t0 = clock.getAsLong();
    TickHooks hooks = this.hooks;
    try {
      hooks.tickStarting(tick, t0);
    } catch (Throwable t) {
      reporter.phaseFailed("tick-start hooks", t);
    }
    progress.tickStarted();
    watchdog.tickStarted(tick, t0);

    ProbeReadings readings = ProbeReadings.none();
    try {
      readings = probes.poll();
    } catch (Throwable t) {
      reporter.phaseFailed(TickProgress.POLL, t);
    }
    progress.phase(TickProgress.FOLD);
    try {
      snapshot = snapshot.advance(tick, readings);
    } catch (Throwable t) {
      reporter.phaseFailed(TickProgress.FOLD, t);
    }
    reporter.probeFailures(readings.failures());

    progress.phase(TickProgress.PASS);
    int handlers = 0;
    int[] slots = NO_SLOTS;
    recorder.begin();
    LongSupplier calls = handlerCalls;
    long callsBefore = calls == null ? 0 : calls.getAsLong();
    try {
      if (calls == null) {
        handlers = registry.size(); // another registry: the best estimate is its size
      }
      slots = registry.tryRunAll();
    } catch (Throwable t) {
      reporter.phaseFailed(TickProgress.PASS, t);
    }
    if (calls != null) {
      handlers = (int) (calls.getAsLong() - callsBefore);
    }
    List<HandlerEviction> evictions = recorder.end();

    long nanos = clock.getAsLong() - t0;
    TickWatchdog.Verdict verdict = watchdog.tickEnded(tick, nanos);
    progress.tickEnded();
    try {
      evictions = hooks.passEnded(tick, evictions, verdict.overBudget(), t0 + nanos);
    } catch (Throwable t) {
      reporter.phaseFailed("pass-end hooks", t);
    }
    for (HandlerEviction eviction : evictions) {
      Supervisor.Outcome outcome = Supervisor.Outcome.EVICTED;
      try {
        outcome = hooks.evicted(tick, eviction, t0 + nanos);
      } catch (Throwable t) {
        reporter.phaseFailed("eviction hooks", t);
      }
      reporter.evicted(eviction, outcome);
    }
    TickHooks.Supervised supervised = TickHooks.Supervised.NONE;
    try {
      supervised = hooks.tickEnding(tick);
    } catch (Throwable t) {
      reporter.phaseFailed("tick-end hooks", t);
    }
    TickReport report = reports.create(tick, startedAt, Duration.ofNanos(nanos),
        Duration.ofNanos(latenessNanos), handlers, slots, evictions, readings.failures(),
        verdict.overBudget(), verdict.culprits(), supervised.restarted(), supervised.givenUp());
    reporter.tickEnded(report, event);
    return report;
  }
}
