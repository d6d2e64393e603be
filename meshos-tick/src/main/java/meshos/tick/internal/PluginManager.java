package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import meshos.api.RecoveryHandler;
import meshos.tick.Plugin;
import meshos.tick.PluginState;
import meshos.tick.Plugins;
import meshos.tick.ProviderInfo;
import meshos.tick.UnloadReport;

/**
 * The runtime's {@link Plugins}: loads plugins into their own layers, records what their contexts
 * register, and unloads them (see {@link Plugins} for the promises). Loads and unloads run one at
 * a time on the caller's thread, under one lock; {@link #list()} and {@link #pendingUnloads()}
 * never wait for them.
 */
public final class PluginManager implements Plugins {
  private static final System.Logger LOG = System.getLogger(PluginManager.class.getName());
  private static final long LEAK_CHECK_PERIOD_NANOS = 1_000_000_000L;
  /** The wait for the pass in flight is bounded by the unload's timeout, but never shorter. */
  private static final long PASS_WAIT_FLOOR_NANOS = 5_000_000_000L;

  private final PluginHost host;
  private final ProviderDiscovery discovery;
  private final PluginLeakChecker leaks;
  private final LongSupplier oldCollections;
  private final ReentrantLock lock = new ReentrantLock();

  /** The loaded plugins; replaced (never mutated) under the lock. */
  private volatile List<PluginInstance> loaded = List.of();

  /**
   * Creates the plugins of one runtime.
   *
   * @param host the runtime
   * @param discovery the runtime's discovery (its exclusion list applies to plugins too)
   */
  public PluginManager(PluginHost host, ProviderDiscovery discovery) {
    this(host, discovery, PluginGc::oldCollections);
  }

  /** Test seam: counts old-generation collections with {@code oldCollections}. */
  PluginManager(PluginHost host, ProviderDiscovery discovery, LongSupplier oldCollections) {
    this.host = requireNonNull(host, "host");
    this.discovery = requireNonNull(discovery, "discovery");
    this.oldCollections = requireNonNull(oldCollections, "oldCollections");
    this.leaks = new PluginLeakChecker(host, LEAK_CHECK_PERIOD_NANOS, oldCollections);
  }

  @Override
  public Plugin load(Path... jars) {
    requireNonNull(jars, "jars");
    List<Path> list = new ArrayList<>(jars.length);
    for (int i = 0; i < jars.length; i++) {
      list.add(requireNonNull(jars[i], "jars[" + i + "]"));
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("jars: a plugin needs at least one jar");
    }
    host.checkMayChangePlugins("load");
    lock.lock();
    try {
      PluginLayers.Built built = PluginLayers.build(list);
      PluginInstance.Parts parts = new PluginInstance.Parts(built.layer(),
          new PluginRegistry(built.name(), host.registry()),
          new PluginActions(built.name(), host.actions()),
          new PluginProbes(built.name(), () -> host.snapshot().tick()));
      PluginInstance plugin = new PluginInstance(this, built, parts);
      RuntimeContext context = new RuntimeContext(parts.registry(), parts.actions(),
          host.runtimeName(), host::snapshot, parts.probes().registry());
      parts.probes().attach(host.probes());
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(built.loader()); // threads the providers start inherit it
      try {
        plugin.providers(discovery.discover(built.layer(), context,
            (handler, name) -> register(parts.registry(), handler, name)));
      } catch (Throwable t) { // fatal (discovery contains the rest): leave nothing behind
        plugin.detach(host);
        plugin.forget(oldCollections.getAsLong());
        plugin.state(PluginState.UNLOADED);
        throw t;
      } finally {
        thread.setContextClassLoader(previous);
      }
      List<PluginInstance> now = new ArrayList<>(loaded);
      now.add(plugin);
      loaded = List.copyOf(now);
      LOG.log(System.Logger.Level.INFO, () -> "runtime '" + host.runtimeName()
          + "': loaded plugin '" + plugin.name() + "' from " + plugin.jars());
      return plugin;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public UnloadReport unload(Plugin plugin, Duration timeout) {
    requireNonNull(plugin, "plugin");
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    if (!(plugin instanceof PluginInstance p) || !p.ownedBy(this)) {
      throw new IllegalArgumentException("plugin " + plugin + " was not loaded by runtime '"
          + host.runtimeName() + "'");
    }
    host.checkMayChangePlugins("unload");
    long t0 = System.nanoTime();
    long budget = saturatedNanos(timeout);
    PluginInstance.Removed removed;
    lock.lock();
    try {
      if (p.state() != PluginState.LOADED) {
        return new UnloadReport(p.name(), 0, 0, 0, p.isCollected(), Duration.ZERO);
      }
      p.state(PluginState.UNLOADING);
      removed = p.detach(host);
      long passWait = Math.max(PASS_WAIT_FLOOR_NANOS, budget - elapsed(t0));
      if (!host.awaitPassInFlight(Duration.ofNanos(passWait))) {
        LOG.log(System.Logger.Level.WARNING, () -> "runtime '" + host.runtimeName()
            + "': unloading plugin '" + p.name() + "': the pass in flight did not end within "
            + Duration.ofNanos(passWait) + "; a handler of the plugin may still be running");
      }
      List<PluginInstance> now = new ArrayList<>(loaded);
      now.remove(p);
      loaded = List.copyOf(now);
      p.forget(oldCollections.getAsLong());
      p.state(PluginState.UNLOADED);
    } finally {
      lock.unlock();
    }
    boolean collected = p.awaitCollected(Math.max(0, budget - elapsed(t0)));
    if (collected) {
      p.state(PluginState.COLLECTED);
    } else {
      leaks.watch(p);
    }
    UnloadReport report = new UnloadReport(p.name(), removed.handlers(), removed.probes(),
        removed.actions(), collected, Duration.ofNanos(elapsed(t0)));
    LOG.log(System.Logger.Level.INFO, () -> "runtime '" + host.runtimeName()
        + "': unloaded plugin '" + p.name() + "': " + report);
    return report;
  }

  @Override
  public List<Plugin> list() {
    return List.copyOf(loaded);
  }

  @Override
  public List<Plugin> pendingUnloads() {
    return List.copyOf(leaks.pending());
  }

  /** Stops the background leak check (at the runtime's close); plugins stay as they are. */
  public void close() {
    leaks.stop();
  }

  /** Test seam: one leak check now, on the calling thread. */
  void checkLeaksNow() {
    leaks.checkNow();
  }

  private void register(PluginRegistry registry, RecoveryHandler handler, String name) {
    registry.register(handler);
    host.handlerNamed(handler, name);
  }

  private static long elapsed(long t0) {
    return System.nanoTime() - t0;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
