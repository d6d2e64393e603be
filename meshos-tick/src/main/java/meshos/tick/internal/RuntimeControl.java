package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.ActionQueue;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeRegistry;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.MeshOsContext;
import meshos.tick.ProviderInfo;
import meshos.tick.QuarantinedHandler;
import meshos.tick.RuntimeState;
import meshos.tick.RuntimeStats;
import meshos.tick.TickReport;
import org.jspecify.annotations.Nullable;

/**
 * Wires one runtime's parts and carries out {@code start()}, {@code tick()} and {@code close()}
 * against its {@link Lifecycle}; the public {@code MeshOsRuntime} delegates here. The tick gate (a
 * lock) is held by whatever is in flight, the start's discovery or a tick, so that a closer can
 * wait for it with a bound and no tick starts once a stop was requested. Any thread; the rules of
 * which thread may wait for which are in {@link #close()}.
 */
public final class RuntimeControl {
  private final RuntimeConfig config;
  private final Lifecycle lifecycle;
  private final ReentrantLock gate = new ReentrantLock();
  private final RuntimeCounters counters = new RuntimeCounters();
  private final HandlerNames names = new HandlerNames();
  private final RuntimeLog log;
  private final RecoveryRegistry registry;
  private final RuntimeRegistry registryView;
  private final Supervisor supervisor;
  private final ProbeRegistry probes;
  private final BoundedActionQueue actions;
  private final TickWatchdog watchdog;
  private final TickReporter reporter;
  private final TickPipeline pipeline;
  private final @Nullable TickLoop loop;
  private final Shutdown shutdown;
  private final PluginManager plugins;
  private final TickPipeline.ReportFactory reports;
  private volatile List<ProviderInfo> providers = List.of();

  /**
   * @param config the runtime's configuration
   * @param reports builds tick reports
   */
  public RuntimeControl(RuntimeConfig config, TickPipeline.ReportFactory reports) {
    this.config = requireNonNull(config, "config");
    this.reports = requireNonNull(reports, "reports");
    String name = config.name();
    this.lifecycle = new Lifecycle(name);
    this.log = new RuntimeLog(config.logger(), name);
    TickReporter tickReporter = new TickReporter(config, counters, log);
    this.reporter = tickReporter;
    EvictionRecorder recorder = new EvictionRecorder(names, tickReporter::evictedOutsideTick);
    RecoveryRegistry injected = config.recoveryRegistry();
    this.registry = injected != null ? injected : new LockingRecoveryRegistry(recorder);
    this.supervisor = Supervisor.of(config.supervision());
    this.registryView = new RuntimeRegistry(registry, supervisor);
    ProbeRegistry injectedProbes = config.probeRegistry();
    this.probes = injectedProbes != null ? injectedProbes : new ProbeRegistry();
    this.actions = new BoundedActionQueue("meshos-actions-" + name, config.actionQueueCapacity());
    TickProgress progress = new TickProgress(names, registry.getClass().getName());
    SupervisorHooks hooks = SupervisorHooks.create(config, supervisor, registry, names, counters);
    this.watchdog = new TickWatchdog("meshos-watchdog-" + name, config.tickBudgetNanos(),
        config.nanoClock(), hooks == null ? progress::culprit : hooks.sampling(progress),
        config.watchdogSamples());
    this.pipeline = new TickPipeline(registry, probes, recorder, progress, watchdog, reporter,
        counters, config.nanoClock(), reports);
    if (hooks != null) {
      pipeline.hooks(hooks);
    }
    this.loop = config.manual() ? null : new TickLoop("meshos-tick-" + name,
        new TickSchedule(config.missedTickPolicy(), config.tickIntervalNanos(),
            config.nanoClock()),
        gate, lifecycle::isRunning, pipeline::run, counters::lateTick,
        t -> tickReporter.phaseFailed("tick loop", t));
    this.shutdown = new Shutdown(config, lifecycle, gate, loop, watchdog, actions, counters, log);
    this.plugins = new PluginManager(new PluginRuntimeHost(name, registryView, actions, probes,
        pipeline::snapshot, gate, loop, lifecycle::state, names),
        new ProviderDiscovery(config.excludedProviders()));
  }

  /**
   * NEW → RUNNING: starts the runtime's threads, discovers providers on the calling thread, then
   * starts the tick loop. A throw from discovery (a fatal error) terminates the runtime before it
   * propagates; a stop requested meanwhile (close() from another thread or from a provider) ends
   * the start without a tick loop.
   *
   * @throws IllegalStateException naming the state if it is not NEW
   */
  public void start() {
    lifecycle.start();
    @Nullable Throwable failure = null;
    gate.lock();
    try {
      Preload.warmUp(config, reports);
      log.start();
      actions.start();
      watchdog.start();
      RuntimeConfig.Discoverer discoverer = config.discoverer();
      if (discoverer != null) {
        providers = discoverer.discover(context(registryView, actions), this::registerDiscovered);
      }
      if (loop != null && lifecycle.isRunning()) {
        loop.start(() -> shutdown.finish(false));
      }
    } catch (Throwable t) {
      lifecycle.requestStop();
      failure = t;
    } finally {
      gate.unlock();
    }
    if (lifecycle.stopRequested()) {
      shutdown.finish(true);
    }
    if (failure != null) {
      throw Throwables.asUnchecked(failure);
    }
    int handlers = registry.size();
    log.log(System.Logger.Level.INFO, () -> "runtime '" + config.name() + "' started: "
        + (loop == null ? "manual ticks" : "tick every "
            + Duration.ofNanos(config.tickIntervalNanos())) + ", " + handlers
        + " recovery handler(s)", null);
  }

  /**
   * A context for providers: registers through {@code registry}, offers to {@code actions}.
   * Reusable per plugin with recording views of both.
   *
   * @param registry the registry providers register with
   * @param actions the queue providers offer to
   * @return the context
   */
  public MeshOsContext context(RecoveryRegistry registry, ActionQueue actions) {
    return new RuntimeContext(registry, actions, config.name(), pipeline::snapshot, probes);
  }

  /**
   * Names {@code handler} after its provider and registers it (through the users' view).
   *
   * @param handler a provider's handler
   * @param providerClass the provider's class name
   */
  public void registerDiscovered(RecoveryHandler handler, String providerClass) {
    names.put(handler, providerClass);
    registryView.register(handler);
  }

  /**
   * One manual tick on the calling thread.
   *
   * @return its report
   * @throws IllegalStateException if not manual, not RUNNING, or called from inside a tick
   */
  public TickReport tick() {
    String name = config.name();
    if (loop != null) {
      throw new IllegalStateException(
          "runtime '" + name + "' ticks on its own thread; tick() needs manualTicks()");
    }
    if (gate.isHeldByCurrentThread()) {
      throw new IllegalStateException("tick() called from inside a tick of runtime '" + name + "'");
    }
    gate.lock();
    try {
      RuntimeState now = lifecycle.state();
      if (now != RuntimeState.RUNNING) {
        throw new IllegalStateException("runtime '" + name + "' cannot tick: it is " + now);
      }
      return pipeline.run(0);
    } finally {
      gate.unlock();
      if (lifecycle.stopRequested()) {
        shutdown.finish(false); // a close() during this tick left the termination to it
      }
    }
  }

  /**
   * Requests the stop and, from any thread the runtime does not own, returns only once TERMINATED
   * (bounded waits; an interrupt is restored, not obeyed). From the tick thread, from inside a
   * manual tick or the start's discovery, or from an action, it only requests the stop: the tick
   * thread, the thread ending the tick or start, or a new {@code meshos-stop-<name>} thread
   * finishes it.
   */
  public void close() {
    lifecycle.requestStop();
    supervisor.close(); // nothing is restarted from now on, not even by the tick in flight
    plugins.close(); // stops the leak check; never blocks
    if (loop != null) {
      loop.wake();
    }
    Thread me = Thread.currentThread();
    if (gate.isHeldByCurrentThread() || (loop != null && me == loop.thread())) {
      return;
    }
    if (actions.isWorkerThread()) {
      shutdown.finishOnOwnThread();
      return;
    }
    shutdown.finish(true);
  }

  /** The runtime's configuration. */
  public RuntimeConfig config() {
    return config;
  }

  /**
   * Hot plug.
   *
   * @return the runtime's plugins
   */
  public PluginManager plugins() {
    return plugins;
  }

  /** The state; never blocks. */
  public RuntimeState state() {
    return lifecycle.state();
  }

  /** The users' view of the registry. */
  public RecoveryRegistry registry() {
    return registryView;
  }

  /** The probe registry. */
  public ProbeRegistry probes() {
    return probes;
  }

  /** The action queue. */
  public ActionQueue actions() {
    return actions;
  }

  /** Every provider discovery saw. */
  public List<ProviderInfo> providers() {
    return providers;
  }

  /** The latest snapshot. */
  public PeerSnapshot snapshot() {
    return pipeline.snapshot();
  }

  /** The counters; never blocks. */
  public RuntimeStats stats() {
    return counters.toStats(actions, watchdog.overruns(), reporter.lastOverrunCulprits());
  }

  /**
   * The quarantined handlers; any thread.
   *
   * @return them, in the order they were quarantined
   */
  public List<QuarantinedHandler> quarantine() {
    return supervisor.snapshot();
  }

  /** The handler names (for plugins and supervision). */
  public HandlerNames names() {
    return names;
  }

  /** The tick pipeline (to install hooks). */
  public TickPipeline pipeline() {
    return pipeline;
  }

  /** The tick loop, or null with manual ticks (a test seam). */
  public @Nullable TickLoop loop() {
    return loop;
  }
}
