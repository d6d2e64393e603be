package meshos.tick;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.ActionQueue;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeFailure;
import meshos.probes.ProbeReadings;
import meshos.probes.ProbeRegistry;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.internal.BoundedActionQueue;
import meshos.tick.internal.EvictionEvent;
import meshos.tick.internal.ProviderDiscovery;
import meshos.tick.internal.RuntimeContext;
import meshos.tick.internal.RuntimeCounters;
import meshos.tick.internal.Throwables;
import meshos.tick.internal.TickEvent;
import meshos.tick.internal.TickSchedule;
import meshos.tick.internal.TickWatchdog;
import org.jspecify.annotations.Nullable;

/**
 * A per-node tick runtime. Every tick it polls its probes, folds the readings into its {@link
 * #snapshot()}, runs every recovery handler once ({@link RecoveryRegistry#tryRunAll()}) and
 * publishes a {@link TickReport} to its tick listeners.
 *
 * <pre>{@code
 * try (MeshOsRuntime runtime = MeshOsRuntime.builder()
 *         .name("node-7")
 *         .tickInterval(Duration.ofMillis(500))
 *         .build()
 *         .start()) {
 *   runtime.recoveryRegistry().register(() -> group.tryRecover());
 *   ...
 * }
 * }</pre>
 *
 * <h2>Tick</h2>
 *
 * <p>Each phase (poll, fold, pass, listeners) is guarded on its own: a failure in one never skips
 * the next, and nothing but {@link #close()} ends the loop. The tick thread is named {@code
 * meshos-tick-<name>}; interrupting it has no effect (the interrupt is cleared after each tick).
 * The first tick is due one interval after {@link #start()}; see {@link MissedTickPolicy} for late
 * ticks. With {@link Builder#manualTicks()} there is no tick thread and {@link #tick()} runs one
 * tick on the calling thread.
 *
 * <h2>Discovery</h2>
 *
 * <p>{@link #start()} finds {@link meshos.api.spi.RecoveryHandlerProvider}s with {@link
 * java.util.ServiceLoader} (module path and class path, through the thread context class loader),
 * skips those excluded by class name (builder, and system property {@code
 * meshos.providers.exclude}) before instantiating them, and registers each provider's handler
 * before the first tick, in provider class-name order. A provider that fails is skipped and
 * reported in {@link #providers()} and the log; the others still load.
 *
 * <h2>Thread safety</h2>
 *
 * <p>All methods may be called from any thread, handlers and listeners included. Actions prior to
 * {@code start()} happen-before the first tick; the ticks of a runtime happen one after the other,
 * each happening-before the next.
 */
public final class MeshOsRuntime implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(MeshOsRuntime.class.getName());
  private static final int[] NO_SLOTS = new int[0];
  private static final long OVERRUN_LOG_PERIOD_NANOS = 60_000_000_000L;
  private static final String POLL = "probe poll";
  private static final String FOLD = "snapshot fold";
  private static final String PASS = "recovery pass";
  private static final String IDLE = "idle";

  private final String name;
  private final Duration tickInterval;
  private final Duration tickBudget;
  private final Duration shutdownTimeout;
  private final boolean manual;
  private final boolean discover;
  private final Set<String> excludedProviders;
  private final RecoveryRegistry registry;
  private final ProbeRegistry probes;
  private final BoundedActionQueue actions;
  private final List<TickListener> listeners;
  private final TickSchedule schedule;
  /** Null with manual ticks. */
  private final @Nullable Thread tickThread;
  private final TickWatchdog watchdog;

  /** What the tick in flight is doing, for the watchdog: one of the phase names above. */
  private volatile String phase = IDLE;

  /** The thread running the tick in flight (the tick thread, or the caller of tick()). */
  private volatile @Nullable Thread tickingThread;

  private volatile List<String> lastOverrunCulprits = List.of();

  @GuardedBy("tickLock")
  private long lastOverrunLogNanos;

  @GuardedBy("tickLock")
  private long overrunLogsSuppressed;

  @GuardedBy("tickLock")
  private boolean overrunLogged;

  /** Serialises ticks (manual ones may come from several threads) and guards the tick's state. */
  private final ReentrantLock tickLock = new ReentrantLock();
  private final ReentrantLock lifecycleLock = new ReentrantLock();

  @GuardedBy("lifecycleLock")
  private RuntimeState state = RuntimeState.NEW;

  @GuardedBy("lifecycleLock")
  private boolean terminationStarted;

  private volatile boolean stopRequested;
  private volatile List<ProviderInfo> providers = List.of();
  private volatile PeerSnapshot snapshot = PeerSnapshot.empty();

  /** Provider class names of discovered handlers, for reports. Used off the hot path only. */
  private final Map<RecoveryHandler, String> handlerNames =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /**
   * Evictions of the tick in progress, collected by the eviction listener. Only touched by the
   * thread holding {@link #tickLock} (the listener checks {@code isHeldByCurrentThread}, which
   * Error Prone's {@code @GuardedBy} cannot follow).
   */
  private @Nullable List<HandlerEviction> tickEvictions;

  private final RuntimeCounters counters = new RuntimeCounters();

  /** Probes that failed in the previous tick: a probe failing every tick is logged once. */
  @GuardedBy("tickLock")
  private Set<Object> failingProbes = Collections.newSetFromMap(new IdentityHashMap<>());

  private MeshOsRuntime(Builder b) {
    this.name = b.name;
    this.tickInterval = b.tickInterval;
    this.tickBudget = b.tickBudget != null ? b.tickBudget : b.tickInterval;
    this.shutdownTimeout = b.shutdownTimeout;
    this.manual = b.manual;
    this.discover = b.discoverProviders;
    Set<String> excluded = new LinkedHashSet<>(b.excludedProviders);
    excluded.addAll(ProviderDiscovery.excludedBySystemProperty());
    this.excludedProviders = Set.copyOf(excluded);
    this.registry = b.recoveryRegistry != null
        ? b.recoveryRegistry
        : new LockingRecoveryRegistry(this::onEviction);
    this.probes = b.probeRegistry != null ? b.probeRegistry : new ProbeRegistry();
    this.actions = new BoundedActionQueue("meshos-actions-" + name, b.actionQueueCapacity);
    this.listeners = List.copyOf(b.listeners);
    this.schedule = new TickSchedule(b.missedTickPolicy, tickInterval.toNanos(), System::nanoTime);
    this.watchdog = new TickWatchdog("meshos-watchdog-" + name, tickBudget.toNanos(),
        this::culprit, b.watchdogSamples);
    if (manual) {
      this.tickThread = null;
    } else {
      this.tickThread = new Thread(this::loop, "meshos-tick-" + name);
      this.tickThread.setDaemon(true);
    }
  }

  /** A builder with the defaults: name "meshos", 500 ms interval, DELAY, discovery on. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the runtime: starts the action worker, discovers providers and registers their handlers
   * (on the calling thread), then starts the tick thread unless ticks are manual.
   *
   * @return this runtime
   * @throws IllegalStateException if the runtime is not {@link RuntimeState#NEW}
   */
  public MeshOsRuntime start() {
    lifecycleLock.lock();
    try {
      if (state != RuntimeState.NEW) {
        throw new IllegalStateException("runtime '" + name + "' cannot start: it is " + state);
      }
      state = RuntimeState.RUNNING;
      actions.start();
      watchdog.start();
      if (discover) {
        providers = new ProviderDiscovery(excludedProviders).discover(
            new RuntimeContext(registry, actions, name, this::snapshot, probes),
            this::registerDiscovered);
      }
      if (tickThread != null) {
        schedule.start();
        tickThread.start();
      }
    } finally {
      lifecycleLock.unlock();
    }
    LOG.log(System.Logger.Level.INFO, () -> "runtime '" + name + "' started: "
        + (manual ? "manual ticks" : "tick every " + tickInterval) + ", "
        + registry.size() + " recovery handler(s)");
    return this;
  }

  /**
   * Runs one tick on the calling thread and returns its report. Only for runtimes built with
   * {@link Builder#manualTicks()}; concurrent calls run one after the other.
   *
   * @throws IllegalStateException if the runtime ticks on its own thread, is not {@link
   *     RuntimeState#RUNNING}, or if called from inside a tick
   */
  public TickReport tick() {
    if (!manual) {
      throw new IllegalStateException(
          "runtime '" + name + "' ticks on its own thread; tick() needs manualTicks()");
    }
    if (tickLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("tick() called from inside a tick of runtime '" + name + "'");
    }
    tickLock.lock();
    try {
      RuntimeState now = state();
      if (now != RuntimeState.RUNNING || stopRequested) {
        throw new IllegalStateException("runtime '" + name + "' cannot tick: it is " + now);
      }
      return runTick(0);
    } finally {
      tickLock.unlock();
      if (stopRequested) {
        terminate();
      }
    }
  }

  /**
   * Stops the runtime: no tick starts after this call, the tick in flight may finish (waited for
   * up to the shutdown timeout), queued actions run (for up to the shutdown timeout) and the rest
   * are abandoned and counted. Idempotent. Called from the tick thread (for example by a handler)
   * it only requests the stop, which completes when the tick ends.
   */
  @Override
  public void close() {
    lifecycleLock.lock();
    try {
      switch (state) {
        case NEW -> {
          state = RuntimeState.TERMINATED;
          terminationStarted = true;
          return;
        }
        case RUNNING -> state = RuntimeState.STOPPING;
        case STOPPING, TERMINATED -> {
          // a stop is under way or done; fall through to wait for it below
        }
      }
      stopRequested = true;
    } finally {
      lifecycleLock.unlock();
    }
    Thread loopThread = tickThread;
    if (loopThread == null) { // manual ticks
      if (tickLock.isHeldByCurrentThread()) {
        return; // inside a manual tick: tick() terminates when it ends
      }
      boolean locked = false;
      try {
        locked = tickLock.tryLock(shutdownTimeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        if (locked) {
          tickLock.unlock();
        }
      }
      if (!locked) {
        LOG.log(System.Logger.Level.WARNING, () -> "runtime '" + name
            + "': the tick in flight did not end within " + shutdownTimeout);
      }
      terminate();
      return;
    }
    if (Thread.currentThread() == loopThread) {
      return; // the loop sees the request and terminates after this tick
    }
    LockSupport.unpark(loopThread);
    if (!joinTickThread(loopThread)) {
      LOG.log(System.Logger.Level.WARNING, () -> "runtime '" + name
          + "': the tick in flight did not end within " + shutdownTimeout
          + "; it will terminate when it does");
    }
  }

  /** The runtime's state. */
  public RuntimeState state() {
    lifecycleLock.lock();
    try {
      return state;
    } finally {
      lifecycleLock.unlock();
    }
  }

  /** The runtime's name. */
  public String name() {
    return name;
  }

  /**
   * The registry whose handlers run every tick. Handlers registered after {@link #close()} are
   * kept by the registry but never run by this runtime.
   */
  public RecoveryRegistry recoveryRegistry() {
    return registry;
  }

  /** The probes polled at the start of every tick. */
  public ProbeRegistry probeRegistry() {
    return probes;
  }

  /** The queue whose actions run on the thread {@code meshos-actions-<name>}. */
  public ActionQueue actions() {
    return actions;
  }

  /** Every provider discovery saw, ordered by class name; empty before start or when disabled. */
  public List<ProviderInfo> providers() {
    return providers;
  }

  /** The latest per-peer RTT, health and inventory, as of the latest tick. */
  public PeerSnapshot snapshot() {
    return snapshot;
  }

  /** The runtime's counters. */
  public RuntimeStats stats() {
    return counters.toStats(actions, watchdog.overruns(), lastOverrunCulprits);
  }

  @Override
  public String toString() {
    return "MeshOsRuntime[" + name + ", " + state() + "]";
  }

  private void registerDiscovered(RecoveryHandler handler, String providerClass) {
    handlerNames.put(handler, providerClass);
    registry.register(handler);
  }

  private void loop() {
    while (!stopRequested) {
      try {
        long wait = schedule.nanosUntilDue();
        if (wait > 0) {
          LockSupport.parkNanos(this, wait);
          continue;
        }
        long started = System.nanoTime();
        if (schedule.isLate(started)) {
          counters.lateTick();
        }
        tickLock.lock();
        try {
          runTick(Math.max(0, started - schedule.due()));
        } finally {
          tickLock.unlock();
          schedule.tickDone(started, System.nanoTime()); // even after a failure: no busy loop
        }
      } catch (Throwable t) {
        phaseFailed("tick loop", t);
      }
      Thread.interrupted(); // only close() stops the loop
    }
    terminate();
  }

  @GuardedBy("tickLock")
  private TickReport runTick(long latenessNanos) {
    TickEvent event = new TickEvent();
    event.begin();
    long tick = counters.ticks() + 1;
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    phase = POLL; // before the watchdog can see the tick: no sample names "idle" mid-tick
    tickingThread = Thread.currentThread();
    watchdog.tickStarted(tick, t0);

    ProbeReadings readings = ProbeReadings.none();
    try {
      readings = probes.poll();
    } catch (Throwable t) {
      phaseFailed("probe poll", t);
    }
    phase = FOLD;
    try {
      snapshot = snapshot.advance(tick, readings);
    } catch (Throwable t) {
      phaseFailed("snapshot fold", t);
    }
    reportProbeFailures(readings.failures());

    int handlers = 0;
    int[] slots = NO_SLOTS;
    tickEvictions = null;
    phase = PASS;
    try {
      handlers = registry.size();
      slots = registry.tryRunAll();
    } catch (Throwable t) {
      phaseFailed("recovery pass", t);
    }
    List<HandlerEviction> evicted = tickEvictions == null ? List.of() : tickEvictions;
    tickEvictions = null;

    long nanos = System.nanoTime() - t0;
    TickWatchdog.Verdict verdict = watchdog.tickEnded(tick, nanos);
    phase = IDLE;
    tickingThread = null;
    TickReport report = new TickReport(tick, startedAt, Duration.ofNanos(nanos),
        Duration.ofNanos(latenessNanos), handlers, slots, evicted, readings.failures(),
        verdict.overBudget(), verdict.culprits());
    if (verdict.overBudget()) {
      reportOverrun(report);
    }
    event.end();
    if (event.shouldCommit()) {
      event.runtime = name;
      event.tick = tick;
      event.handlersRun = handlers;
      event.slotsRecovered = slots.length;
      event.evictions = evicted.size();
      event.overBudget = verdict.overBudget();
      event.commit();
    }
    counters.tickDone(tick, handlers, slots.length, nanos);

    for (TickListener listener : listeners) {
      try {
        listener.onTick(report);
      } catch (Throwable t) {
        counters.listenerFailure();
        LOG.log(System.Logger.Level.WARNING,
            () -> "runtime '" + name + "': tick listener " + listener + " failed", t);
      }
    }
    return report;
  }

  /** A tick exceeded its budget: remember the culprits and log, at most once a minute. */
  @GuardedBy("tickLock")
  private void reportOverrun(TickReport report) {
    lastOverrunCulprits = report.overrunCulprits();
    long now = System.nanoTime();
    if (overrunLogged && now - lastOverrunLogNanos < OVERRUN_LOG_PERIOD_NANOS) {
      overrunLogsSuppressed++;
      return;
    }
    long suppressed = overrunLogsSuppressed;
    overrunLogged = true;
    lastOverrunLogNanos = now;
    overrunLogsSuppressed = 0;
    LOG.log(System.Logger.Level.WARNING, () -> "runtime '" + name + "': tick " + report.tick()
        + " took " + report.duration() + ", over its budget of " + tickBudget + "; longest: "
        + report.overrunCulprits()
        + (suppressed == 0 ? "" : " (" + suppressed + " earlier overrun(s) not logged)"));
  }

  /**
   * Names what the tick in flight is doing; called on the watchdog thread, only once a tick is over
   * budget. During the pass it reads the tick thread's stack: the first frame below the
   * registry's {@code tryRunAll} that is not the registry's own is the running handler. This costs the pass nothing (no per-handler store),
   * and a sample only when a tick is already late.
   */
  private String culprit() {
    String now = phase;
    Thread thread = tickingThread;
    if (!PASS.equals(now) || thread == null) {
      return now;
    }
    StackTraceElement[] stack = thread.getStackTrace();
    String registryClass = registry.getClass().getName();
    for (int i = 1; i < stack.length; i++) {
      if (stack[i].getClassName().equals(registryClass)
          && stack[i].getMethodName().equals("tryRunAll")) {
        // Below tryRunAll, skip the registry's own frames (its pass loop): the next one is the
        // handler. A handler calling back into the registry sits below its own frame, not here.
        int j = i - 1;
        while (j > 0 && stack[j].getClassName().equals(registryClass)) {
          j--;
        }
        return stack[j].getClassName().equals(registryClass) ? now : handlerName(stack[j]);
      }
    }
    return now;
  }

  /** A discovered handler by its provider's class name, any other by its code location. */
  private String handlerName(StackTraceElement frame) {
    String code = frame.getClassName();
    synchronized (handlerNames) {
      for (Map.Entry<RecoveryHandler, String> e : handlerNames.entrySet()) {
        if (e.getKey().getClass().getName().equals(code)) {
          return e.getValue();
        }
      }
    }
    return code + "." + frame.getMethodName();
  }

  private String nameOf(RecoveryHandler handler) {
    String provider = handlerNames.get(handler);
    return provider != null ? provider : String.valueOf(handler);
  }

  /** The registry's eviction listener: count, log once, and add to the tick's report. */
  private void onEviction(RecoveryHandler handler, Throwable cause) {
    String handlerName = nameOf(handler);
    counters.eviction();
    EvictionEvent event = new EvictionEvent();
    if (event.shouldCommit()) {
      event.runtime = name;
      event.handler = handlerName;
      event.causeClass = cause.getClass().getName();
      event.causeMessage = cause.getMessage();
      event.commit();
    }
    LOG.log(System.Logger.Level.WARNING, () -> "runtime '" + name
        + "': evicted recovery handler " + handlerName + " (" + cause + ")", cause);
    if (tickLock.isHeldByCurrentThread()) {
      addTickEviction(new HandlerEviction(handler, handlerName, cause));
    }
  }

  private void addTickEviction(HandlerEviction eviction) {
    if (tickEvictions == null) {
      tickEvictions = new ArrayList<>(2);
    }
    tickEvictions.add(eviction);
  }

  @GuardedBy("tickLock")
  private void reportProbeFailures(List<ProbeFailure> failures) {
    if (failures.isEmpty() && failingProbes.isEmpty()) {
      return;
    }
    Set<Object> nowFailing = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ProbeFailure failure : failures) {
      counters.probeFailure();
      nowFailing.add(failure.probe());
      if (!failingProbes.contains(failure.probe())) {
        LOG.log(System.Logger.Level.WARNING, () -> "runtime '" + name + "': " + failure.kind()
            + " probe " + failure.probe() + " failed; skipped this tick and kept"
            + " (further consecutive failures are counted, not logged)", failure.cause());
      }
    }
    failingProbes = nowFailing;
  }

  private void phaseFailed(String phase, Throwable t) {
    counters.phaseFailure();
    LOG.log(System.Logger.Level.ERROR, () -> "runtime '" + name + "': " + phase
        + " failed" + (Throwables.isFatal(t) ? " with a fatal error" : ""), t);
  }

  private boolean joinTickThread(Thread loopThread) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    try {
      while (loopThread.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedJoin(loopThread, left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      return true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Closes the action queue and marks the runtime terminated; runs once. */
  private void terminate() {
    lifecycleLock.lock();
    try {
      if (terminationStarted) {
        return;
      }
      terminationStarted = true;
    } finally {
      lifecycleLock.unlock();
    }
    watchdog.stop();
    int abandoned = actions.close(shutdownTimeout);
    counters.actionsAbandoned(abandoned);
    lifecycleLock.lock();
    try {
      state = RuntimeState.TERMINATED;
    } finally {
      lifecycleLock.unlock();
    }
    LOG.log(abandoned == 0 ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
        () -> "runtime '" + name + "' terminated after " + counters.ticks() + " tick(s)"
            + (abandoned == 0 ? "" : "; " + abandoned + " queued action(s) abandoned"));
  }

  /**
   * Configures a {@link MeshOsRuntime}. Not thread-safe; {@link #build()} may be called more than
   * once, each time building an independent runtime (but an injected registry is then shared).
   */
  public static final class Builder {
    private String name = "meshos";
    private Duration tickInterval = Duration.ofMillis(500);
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private @Nullable Duration tickBudget;
    private Consumer<String> watchdogSamples = name -> { };
    private MissedTickPolicy missedTickPolicy = MissedTickPolicy.DELAY;
    private boolean manual;
    private boolean discoverProviders = true;
    private final Set<String> excludedProviders = new LinkedHashSet<>();
    private int actionQueueCapacity = 1024;
    private @Nullable RecoveryRegistry recoveryRegistry;
    private @Nullable ProbeRegistry probeRegistry;
    private final List<TickListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * The runtime's name, used in thread names and logs. Default {@code "meshos"}.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Builder name(String name) {
      requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      this.name = name;
      return this;
    }

    /**
     * Time between ticks. Default 500 ms.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder tickInterval(Duration interval) {
      this.tickInterval = positive(interval, "tickInterval");
      return this;
    }

    /**
     * How long a tick may take (probes, fold and recovery pass; listeners excluded) before it is
     * reported as an overrun: {@link TickReport#overBudget()}, {@link RuntimeStats#overruns()},
     * and a {@code WARNING} at most once a minute, naming what the tick was doing when the budget
     * ran out: the running handler (its provider's class name for a discovered handler, else the
     * class and method of its code) or the phase. Handlers are never stopped. Default: the tick
     * interval.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder tickBudget(Duration budget) {
      this.tickBudget = positive(budget, "tickBudget");
      return this;
    }

    /** Test seam (package-private): sees every culprit the watchdog samples, on its thread. */
    Builder watchdogSamples(Consumer<String> samples) {
      this.watchdogSamples = requireNonNull(samples, "samples");
      return this;
    }

    /** What to do after a late tick. Default {@link MissedTickPolicy#DELAY}. */
    public Builder missedTickPolicy(MissedTickPolicy policy) {
      this.missedTickPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /** No tick thread: {@link MeshOsRuntime#tick()} runs each tick. For deterministic tests. */
    public Builder manualTicks() {
      this.manual = true;
      return this;
    }

    /** Whether {@code start()} discovers providers with ServiceLoader. Default true. */
    public Builder discoverProviders(boolean discover) {
      this.discoverProviders = discover;
      return this;
    }

    /**
     * Provider class names never to instantiate, added to those of the system property {@code
     * meshos.providers.exclude} (comma-separated).
     */
    public Builder excludeProviders(String... classNames) {
      requireNonNull(classNames, "classNames");
      for (String className : classNames) {
        excludedProviders.add(requireNonNull(className, "classNames element"));
      }
      return this;
    }

    /**
     * The most actions queued at once. Default 1024.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder actionQueueCapacity(int capacity) {
      if (capacity <= 0) {
        throw new IllegalArgumentException("actionQueueCapacity must be positive: " + capacity);
      }
      this.actionQueueCapacity = capacity;
      return this;
    }

    /**
     * Uses {@code registry} instead of a new {@link LockingRecoveryRegistry}. An injected registry
     * reports its evictions its own way; {@link RuntimeStats#evictions()} and {@link
     * TickReport#evictions()} cover only the registry the runtime creates.
     */
    public Builder recoveryRegistry(RecoveryRegistry registry) {
      this.recoveryRegistry = requireNonNull(registry, "registry");
      return this;
    }

    /** Uses {@code registry} instead of a new, empty {@link ProbeRegistry}. */
    public Builder probeRegistry(ProbeRegistry registry) {
      this.probeRegistry = requireNonNull(registry, "registry");
      return this;
    }

    /** Adds a listener called with every tick's report, in the order added. */
    public Builder addTickListener(TickListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * How long {@code close()} waits for the tick in flight, and then for queued actions. Default
     * 5 s.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder shutdownTimeout(Duration timeout) {
      this.shutdownTimeout = positive(timeout, "shutdownTimeout");
      return this;
    }

    /** Builds a runtime in state {@link RuntimeState#NEW}. */
    public MeshOsRuntime build() {
      return new MeshOsRuntime(this);
    }

    private static Duration positive(Duration d, String what) {
      requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + d);
      }
      return d;
    }
  }
}
