package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import meshos.api.RecoveryHandler;
import meshos.tick.PluginState;
import org.jspecify.annotations.Nullable;

/**
 * Watches unloaded plugins until their class loader is collected. A plugin still reachable after
 * {@value #LEAK_AFTER} old-generation collections since its unload is a leak: one WARNING naming
 * it and its likely holders, a {@link PluginLeakEvent}, and the state {@link PluginState#LEAKED}.
 * Never triggers a collection.
 *
 * <p>Runs on its own daemon thread {@code meshos-plugins-<runtime>}, started when a plugin is
 * watched and ending when none is left (or at {@link #stop()}); it wakes once per period.
 */
final class PluginLeakChecker {
  static final int LEAK_AFTER = 2;
  private static final System.Logger LOG = System.getLogger(PluginLeakChecker.class.getName());

  private final PluginHost host;
  private final long periodNanos;
  private final LongSupplier oldCollections;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  /** One check at a time (the background thread and a caller of checkNow): one WARNING each. */
  private final ReentrantLock checking = new ReentrantLock();

  @GuardedBy("lock")
  private final List<PluginInstance> watched = new ArrayList<>();

  @GuardedBy("lock")
  private @Nullable Thread thread;

  @GuardedBy("lock")
  private boolean stopped;

  /**
   * Creates a checker; its thread starts with the first watched plugin.
   *
   * @param host the runtime, for its name and its registered handlers
   * @param periodNanos how often the background check runs
   * @param oldCollections counts old-generation collections (normally {@link PluginGc})
   */
  PluginLeakChecker(PluginHost host, long periodNanos, LongSupplier oldCollections) {
    this.host = requireNonNull(host, "host");
    this.periodNanos = periodNanos;
    this.oldCollections = requireNonNull(oldCollections, "oldCollections");
  }

  /** Watches {@code plugin}, which is unloaded and not collected yet. */
  void watch(PluginInstance plugin) {
    lock.lock();
    try {
      watched.add(plugin);
      if (thread == null && !stopped) {
        Thread t = new Thread(this::run, "meshos-plugins-" + host.runtimeName());
        t.setDaemon(true);
        t.setContextClassLoader(null); // never inherit a plugin's loader from the unloading thread
        thread = t;
        t.start();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns the watched plugins not collected, in unload order; updates those collected. */
  List<PluginInstance> pending() {
    lock.lock();
    try {
      watched.removeIf(PluginLeakChecker::collected);
      return List.copyOf(watched);
    } finally {
      lock.unlock();
    }
  }

  /** Stops the background thread; pending plugins are still updated by {@link #pending()}. */
  void stop() {
    lock.lock();
    try {
      stopped = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** One check of every watched plugin, on the calling thread. */
  void checkNow() {
    checking.lock();
    try {
      checkPending();
    } finally {
      checking.unlock();
    }
  }

  private void checkPending() {
    for (PluginInstance plugin : pending()) {
      long since = oldCollections.getAsLong() - plugin.oldCollectionsAtUnload();
      if (plugin.state() == PluginState.UNLOADED && since >= LEAK_AFTER) {
        List<String> holders = holders(plugin);
        if (collected(plugin)) {
          continue; // collected while its holders were searched
        }
        plugin.state(PluginState.LEAKED);
        report(plugin, holders, since);
      }
    }
  }

  private static boolean collected(PluginInstance plugin) {
    if (plugin.isCollected()) {
      plugin.state(PluginState.COLLECTED);
      return true;
    }
    return false;
  }

  private void report(PluginInstance plugin, List<String> holders, long since) {
    String list = holders.isEmpty()
        ? "none found among threads and registered handlers (look for static fields, caches"
            + " or listeners outside the runtime that keep one of its objects)"
        : String.join("; ", holders);
    PluginLeakEvent event = new PluginLeakEvent();
    if (event.shouldCommit()) {
      event.runtime = host.runtimeName();
      event.plugin = plugin.name();
      event.holders = list;
      event.oldCollections = since;
      event.commit();
    }
    LOG.log(System.Logger.Level.WARNING, () -> "runtime '" + host.runtimeName() + "': plugin '"
        + plugin.name() + "' was unloaded but its class loader is still reachable after " + since
        + " old-generation collections (a class-loader leak); likely holders: " + list);
  }

  /** Threads and handlers that may hold the plugin's class loader; empty if it is collected. */
  List<String> holders(PluginInstance plugin) {
    ClassLoader loader = plugin.loaderForLeakCheck();
    if (loader == null) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread t = e.getKey();
      List<String> why = new ArrayList<>(3);
      if (t.getContextClassLoader() == loader) {
        why.add("its context class loader is the plugin's");
      }
      if (t.getClass().getClassLoader() == loader) {
        why.add("its class " + t.getClass().getName() + " is the plugin's");
      }
      for (StackTraceElement frame : e.getValue()) {
        String module = frame.getModuleName();
        if (module != null && plugin.modules().contains(module)
            && Objects.equals(frame.getClassLoaderName(), loader.getName())) {
          why.add("it runs " + frame);
          break;
        }
      }
      if (!why.isEmpty()) {
        found.add("thread \"" + t.getName() + "\" (" + String.join(", ", why) + ")");
      }
    }
    for (RecoveryHandler handler : host.registeredHandlers()) {
      if (handler.getClass().getClassLoader() == loader) {
        found.add("handler " + handler.getClass().getName() + " still registered in runtime '"
            + host.runtimeName() + "' through another path than the plugin's context");
      }
    }
    return found;
  }

  private void run() {
    while (true) {
      lock.lock();
      try {
        if (stopped || watched.isEmpty()) {
          thread = null;
          return;
        }
        wake.awaitNanos(periodNanos);
        if (stopped) {
          thread = null;
          return;
        }
      } catch (InterruptedException e) {
        // not a stop request: only stop() ends the check early
      } finally {
        lock.unlock();
      }
      try {
        checkNow();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "plugin leak check failed", e);
      }
    }
  }
}
