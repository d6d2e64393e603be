package meshos.tick;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import meshos.api.ActionQueue;
import meshos.api.RecoveryRegistry;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeRegistry;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.internal.ProviderDiscovery;
import meshos.tick.internal.RuntimeConfig;
import meshos.tick.internal.RuntimeControl;
import meshos.tick.internal.TickLoop;
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
 * meshos-tick-<name>}; an interrupt of it from outside is cleared and ignored (it never makes the
 * loop spin, and never reaches a handler). The first tick is due one interval after {@link
 * #start()}; see {@link MissedTickPolicy} for late ticks. With {@link Builder#manualTicks()} there
 * is no tick thread and {@link #tick()} runs one tick on the calling thread. Log records (an
 * eviction, an overrun, a failing probe) are built and logged on the thread {@code
 * meshos-log-<name>}, never on the tick thread.
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
 * <h2>Lifecycle</h2>
 *
 * <p>{@code NEW → RUNNING → STOPPING → TERMINATED}. See {@link #start()} and {@link #close()}.
 * {@link #state()}, {@link #stats()}, {@link #snapshot()}, {@link #providers()} and {@link
 * #toString()} never block.
 *
 * <h2>Thread safety</h2>
 *
 * <p>All methods may be called from any thread, handlers and listeners included. Actions prior to
 * {@code start()} happen-before the first tick; the ticks of a runtime happen one after the other,
 * each happening-before the next.
 */
public final class MeshOsRuntime implements AutoCloseable {
  private final String name;
  private final RuntimeControl control;

  private MeshOsRuntime(RuntimeConfig config) {
    this.name = config.name();
    this.control = new RuntimeControl(config, TickReport::new);
  }

  /**
   * A builder with the defaults: name "meshos", 500 ms interval, DELAY, discovery on.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the runtime: starts the action worker, discovers providers and registers their handlers
   * (on the calling thread), then starts the tick thread unless ticks are manual. A {@code start()}
   * that throws (a fatal error raised by a provider) first terminates the runtime: no thread of it
   * is left running and the state is {@link RuntimeState#TERMINATED}. If {@link #close()} is
   * called meanwhile (from another thread, or by a provider), the start ends without a tick thread
   * and returns with the runtime stopping or terminated.
   *
   * @return this runtime
   * @throws IllegalStateException if the runtime is not {@link RuntimeState#NEW}
   */
  public MeshOsRuntime start() {
    control.start();
    return this;
  }

  /**
   * Runs one tick on the calling thread and returns its report. Only for runtimes built with
   * {@link Builder#manualTicks()}; concurrent calls run one after the other. The calling thread's
   * interrupt status is left as the tick's handlers left it.
   *
   * @return the tick's report
   * @throws IllegalStateException if the runtime ticks on its own thread, is not {@link
   *     RuntimeState#RUNNING}, or if called from inside a tick
   */
  public TickReport tick() {
    return control.tick();
  }

  /**
   * Stops the runtime; idempotent, and safe to call from any number of threads at once. No tick
   * starts after the stop is requested. Then, each wait bounded by the shutdown timeout on its own:
   * the tick in flight (or a {@code start()} still discovering) may finish, and the queued actions
   * run; actions still queued after that are abandoned, counted in {@link
   * RuntimeStats#actionsAbandoned()}, and never run.
   *
   * <p>Called from a thread the runtime does not own, it returns only once the state is {@link
   * RuntimeState#TERMINATED}, also when that thread is interrupted (it keeps waiting, bounded, and
   * restores the interrupt status). Called from the tick thread (a handler, a probe, a tick
   * listener), from inside a manual tick, from a provider during {@code start()}, or from an action,
   * it only requests the stop and returns at once; the stop then completes on another thread (or
   * when the manual tick or the start ends), without waiting for the caller's thread.
   */
  @Override
  public void close() {
    control.close();
  }

  /**
   * The runtime's state; never blocks.
   *
   * @return the state
   */
  public RuntimeState state() {
    return control.state();
  }

  /**
   * The runtime's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The registry whose handlers run every tick: a view of it owned by the runtime (every call goes
   * to the registry built or injected; the tick's own pass calls the registry directly). Handlers
   * registered after {@link #close()} are kept by the registry but never run by this runtime.
   *
   * @return the registry view
   */
  public RecoveryRegistry recoveryRegistry() {
    return control.registry();
  }

  /**
   * The probes polled at the start of every tick.
   *
   * @return the probe registry
   */
  public ProbeRegistry probeRegistry() {
    return control.probes();
  }

  /**
   * The queue whose actions run on the thread {@code meshos-actions-<name>}; it refuses every
   * offer once the runtime is stopping.
   *
   * @return the action queue
   */
  public ActionQueue actions() {
    return control.actions();
  }

  /**
   * Every provider discovery saw, ordered by class name; empty before start or when disabled.
   * Never blocks.
   *
   * @return the providers
   */
  public List<ProviderInfo> providers() {
    return control.providers();
  }

  /**
   * The latest per-peer RTT, health and inventory, as of the latest tick. Never blocks.
   *
   * @return the snapshot
   */
  public PeerSnapshot snapshot() {
    return control.snapshot();
  }

  /**
   * The runtime's counters. Never blocks.
   *
   * @return the counters
   */
  public RuntimeStats stats() {
    return control.stats();
  }

  /**
   * The handlers {@linkplain Builder#supervision(Supervision) supervision} has quarantined: evicted,
   * waiting out their backoff before the runtime re-registers them. Empty with {@link
   * Supervision#evict()}, and after {@link #close()} (which drops the quarantine: nothing is
   * restarted once it has been called). Never blocks for long (a short lock, never held while a
   * handler runs); any thread.
   *
   * @return a new immutable list, in the order the handlers were quarantined
   */
  public List<QuarantinedHandler> quarantine() {
    return control.quarantine();
  }

  /**
   * Hot plug: loads provider jars into this runtime while it runs, each in its own module layer,
   * and unloads them with an unload that is verified (see {@link Plugins}). Never blocks.
   *
   * @return the runtime's plugins, the same object at every call
   */
  public Plugins plugins() {
    return control.plugins();
  }

  /** Test seam: the tick loop, or null with manual ticks. */
  @Nullable TickLoop tickLoop() {
    return control.loop();
  }

  /** Test seam: the parts of the runtime, for features wired into it. */
  RuntimeControl control() {
    return control;
  }

  /** Never blocks. */
  @Override
  public String toString() {
    return "MeshOsRuntime[" + name + ", " + control.state() + "]";
  }

  /**
   * Configures a {@link MeshOsRuntime}. Not thread-safe. Every setter validates its argument at
   * once. {@link #build()} may be called more than once, each time building an independent runtime
   * (but an injected registry is then shared).
   */
  public static final class Builder {
    private String name = "meshos";
    private long tickIntervalNanos = Duration.ofMillis(500).toNanos();
    private long shutdownTimeoutNanos = Duration.ofSeconds(5).toNanos();
    private long tickBudgetNanos;
    private Consumer<String> watchdogSamples = sample -> { };
    private MissedTickPolicy missedTickPolicy = MissedTickPolicy.DELAY;
    private boolean manual;
    private boolean discoverProviders = true;
    private final Set<String> excludedProviders = new LinkedHashSet<>();
    private int actionQueueCapacity = 1024;
    private @Nullable RecoveryRegistry recoveryRegistry;
    private @Nullable ProbeRegistry probeRegistry;
    private final List<TickListener> listeners = new ArrayList<>();
    private LongSupplier nanoClock = System::nanoTime;
    private System.Logger logger = System.getLogger(MeshOsRuntime.class.getName());
    private RuntimeConfig.@Nullable Discoverer discoverer;
    private Supervision supervision = Supervision.evict();
    private int overrunStrikes;

    private Builder() {}

    /**
     * The runtime's name, used in thread names and logs. Default {@code "meshos"}.
     *
     * @param name the name
     * @return this builder
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
     * @param interval the interval
     * @return this builder
     * @throws IllegalArgumentException naming the option if not positive or longer than 36,500
     *     days
     */
    public Builder tickInterval(Duration interval) {
      this.tickIntervalNanos = RuntimeConfig.nanos(interval, "tickInterval");
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
     * @param budget the budget
     * @return this builder
     * @throws IllegalArgumentException naming the option if not positive or longer than 36,500
     *     days
     */
    public Builder tickBudget(Duration budget) {
      this.tickBudgetNanos = RuntimeConfig.nanos(budget, "tickBudget");
      return this;
    }

    /**
     * The runtime's monotonic clock in nanoseconds, read for the tick schedule, durations and
     * lateness, the tick budget and the overrun log's rate limit. Default {@code System::nanoTime};
     * a test may pass a fake clock. (The waits of {@link MeshOsRuntime#close()} are in real time:
     * they bound how long threads block.)
     *
     * @param clock the clock, called on the runtime's threads
     * @return this builder
     */
    public Builder nanoClock(LongSupplier clock) {
      this.nanoClock = requireNonNull(clock, "clock");
      return this;
    }

    /** Test seam (package-private): sees every culprit the watchdog samples, on its thread. */
    Builder watchdogSamples(Consumer<String> samples) {
      this.watchdogSamples = requireNonNull(samples, "samples");
      return this;
    }

    /** Test seam (package-private): where the runtime's log records go. */
    Builder logger(System.Logger logger) {
      this.logger = requireNonNull(logger, "logger");
      return this;
    }

    /** Test seam (package-private): replaces ServiceLoader discovery at start(). */
    Builder discoverer(RuntimeConfig.Discoverer discoverer) {
      this.discoverer = requireNonNull(discoverer, "discoverer");
      this.discoverProviders = true;
      return this;
    }

    /**
     * What to do after a late tick. Default {@link MissedTickPolicy#DELAY}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder missedTickPolicy(MissedTickPolicy policy) {
      this.missedTickPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * No tick thread: {@link MeshOsRuntime#tick()} runs each tick. For deterministic tests.
     *
     * @return this builder
     */
    public Builder manualTicks() {
      this.manual = true;
      return this;
    }

    /**
     * Whether {@code start()} discovers providers with ServiceLoader. Default true.
     *
     * @param discover whether to discover
     * @return this builder
     */
    public Builder discoverProviders(boolean discover) {
      this.discoverProviders = discover;
      return this;
    }

    /**
     * Provider class names never to instantiate, added to those of the system property {@code
     * meshos.providers.exclude} (comma-separated). Names are trimmed like the property's; blank
     * ones are ignored.
     *
     * @param classNames the class names
     * @return this builder
     */
    public Builder excludeProviders(String... classNames) {
      requireNonNull(classNames, "classNames");
      for (String className : classNames) {
        String trimmed = requireNonNull(className, "classNames element").strip();
        if (!trimmed.isEmpty()) {
          excludedProviders.add(trimmed);
        }
      }
      return this;
    }

    /**
     * The most actions queued at once. Default 1024.
     *
     * @param capacity the capacity
     * @return this builder
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
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder recoveryRegistry(RecoveryRegistry registry) {
      this.recoveryRegistry = requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Uses {@code registry} instead of a new, empty {@link ProbeRegistry}.
     *
     * @param registry the probe registry
     * @return this builder
     */
    public Builder probeRegistry(ProbeRegistry registry) {
      this.probeRegistry = requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Adds a listener called with every tick's report, in the order added.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder addTickListener(TickListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * How long {@code close()} waits for the tick in flight, and then, separately, for queued
     * actions. Default 5 s.
     *
     * @param timeout the timeout
     * @return this builder
     * @throws IllegalArgumentException naming the option if not positive or longer than 36,500
     *     days
     */
    public Builder shutdownTimeout(Duration timeout) {
      this.shutdownTimeoutNanos = RuntimeConfig.nanos(timeout, "shutdownTimeout");
      return this;
    }

    /**
     * What becomes of a handler the registry evicts. Default {@link Supervision#evict()}: gone for
     * good. With {@link Supervision#restartWithBackoff}, it is quarantined and re-registered at the
     * start of the first tick due after its backoff ({@link #quarantine()}, {@link
     * TickReport#restarted()}, {@link TickReport#givenUp()}, {@link RuntimeStats#restarts()}),
     * and {@code unregister(h)} through {@link MeshOsRuntime#recoveryRegistry()} also cancels the
     * quarantine of {@code h}. Needs the runtime's own registry.
     *
     * @param supervision the policy
     * @return this builder
     */
    public Builder supervision(Supervision supervision) {
      this.supervision = requireNonNull(supervision, "supervision");
      return this;
    }

    /**
     * Takes a handler off the tick when it is the main culprit (the instance the watchdog saw
     * running most) of {@code strikes} consecutive ticks over the {@link #tickBudget tick budget}:
     * once its call has returned it is unregistered and reported as an eviction whose cause is a
     * {@link HandlerOverrunException}, and {@link #supervision supervision} then applies as to any
     * eviction. An on-time tick, or one whose overrun was not a handler's, starts the count again.
     * A handler is never stopped mid-call. Off by default; costs a tick that keeps its budget
     * nothing. Needs the runtime's own registry.
     *
     * @param strikes consecutive over-budget ticks, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code strikes} is not positive
     */
    public Builder evictOverrunningHandlers(int strikes) {
      if (strikes <= 0) {
        throw new IllegalArgumentException(
            "evictOverrunningHandlers must be positive: " + strikes);
      }
      this.overrunStrikes = strikes;
      return this;
    }

    /**
     * Builds a runtime in state {@link RuntimeState#NEW}.
     *
     * @return the runtime
     * @throws IllegalStateException if {@link #supervision} restarts handlers or {@link
     *     #evictOverrunningHandlers} is set while a registry was injected with {@link
     *     #recoveryRegistry}: the runtime does not see an injected registry's evictions
     */
    public MeshOsRuntime build() {
      if (recoveryRegistry != null && (supervision.restarts() || overrunStrikes > 0)) {
        throw new IllegalStateException("supervision(" + supervision + ") and"
            + " evictOverrunningHandlers(" + overrunStrikes + ") need the runtime's own registry,"
            + " not one injected with recoveryRegistry(...)");
      }
      Set<String> excluded = new LinkedHashSet<>(excludedProviders);
      excluded.addAll(ProviderDiscovery.excludedBySystemProperty());
      RuntimeConfig.Discoverer discovery = null;
      if (discoverProviders) {
        discovery = discoverer != null ? discoverer
            : (context, register) -> new ProviderDiscovery(excluded).discover(context, register);
      }
      return new MeshOsRuntime(new RuntimeConfig(name, tickIntervalNanos,
          tickBudgetNanos > 0 ? tickBudgetNanos : tickIntervalNanos, shutdownTimeoutNanos,
          missedTickPolicy, manual, excluded, actionQueueCapacity, recoveryRegistry,
          probeRegistry, listeners, nanoClock, discovery, logger, watchdogSamples, supervision,
          overrunStrikes));
    }
  }
}
