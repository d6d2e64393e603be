package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryHandler;
import meshos.tick.Plugin;
import meshos.tick.PluginState;
import meshos.tick.ProviderInfo;
import org.jspecify.annotations.Nullable;

/**
 * One loaded {@link Plugin}: what its context recorded while it was loaded, and, once unloaded,
 * only a weak reference to its class loader. Written by the loading and unloading threads (under
 * {@link PluginManager}'s lock) and the leak check; read from any thread.
 */
final class PluginInstance implements Plugin {
  private final Object owner;
  private final String name;
  private final List<Path> jars;
  private final Set<String> modules;
  private final WeakReference<ClassLoader> loader;
  private final ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();

  private volatile List<ProviderInfo> providers;
  private volatile PluginState state = PluginState.LOADED;
  private volatile long oldCollectionsAtUnload;

  /** The strong references of a loaded plugin; null once unloaded. */
  private volatile @Nullable Parts parts;

  /** What the plugin's context records, and its layer (which holds its loader). */
  record Parts(ModuleLayer layer, PluginRegistry registry, PluginActions actions,
      PluginProbes probes) {}

  /** What {@link #detach} removed. */
  record Removed(int handlers, int probes, int actions) {}

  PluginInstance(Object owner, PluginLayers.Built built, Parts parts) {
    this.owner = requireNonNull(owner, "owner");
    this.name = built.name();
    this.jars = built.jars();
    this.modules = built.modules();
    this.loader = new WeakReference<>(built.loader(), collected);
    this.parts = requireNonNull(parts, "parts");
    this.providers = List.of();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Path> jars() {
    return jars;
  }

  @Override
  public List<ProviderInfo> providers() {
    return providers;
  }

  @Override
  public PluginState state() {
    return state;
  }

  @Override
  public String toString() {
    return "Plugin[" + name + ", " + state + ", " + jars + "]";
  }

  boolean ownedBy(Object manager) {
    return owner == manager;
  }

  Set<String> modules() {
    return modules;
  }

  void providers(List<ProviderInfo> infos) {
    this.providers = List.copyOf(infos);
  }

  void state(PluginState state) {
    this.state = state;
  }

  long oldCollectionsAtUnload() {
    return oldCollectionsAtUnload;
  }

  /**
   * Removes everything the plugin registered through its context (handlers, probes, queued
   * actions) from the runtime, and forgets the plugin's layer and parts.
   *
   * @param host the runtime
   * @return what was removed
   */
  Removed detach(PluginHost host) {
    Parts p = parts;
    if (p == null) {
      return new Removed(0, 0, 0);
    }
    int handlers = 0;
    for (RecoveryHandler handler : p.registry().close()) {
      if (host.registry().unregister(handler)) {
        handlers++;
      }
      host.handlerForgotten(handler);
    }
    int probes = p.probes().detach(host.probes());
    int actions = p.actions().close();
    return new Removed(handlers, probes, actions);
  }

  /**
   * Drops the last strong references: the parts, and failure causes that may hold the plugin's
   * classes.
   *
   * @param oldCollections the count of old-generation collections now
   */
  void forget(long oldCollections) {
    parts = null;
    providers = PluginFailures.detach(providers);
    oldCollectionsAtUnload = oldCollections;
  }

  /** Returns true if the class loader has been collected. */
  boolean isCollected() {
    return loader.refersTo(null);
  }

  /**
   * The loader, strongly, for a moment: for the leak check only.
   *
   * @return the loader, or null if collected
   */
  @Nullable ClassLoader loaderForLeakCheck() {
    return loader.get();
  }

  /**
   * Waits up to {@code nanos} for the class loader to be collected; never triggers a collection.
   * Interrupts do not shorten the wait; the flag is restored.
   *
   * @param nanos the longest wait
   * @return true if it has been collected
   */
  boolean awaitCollected(long nanos) {
    long deadline = System.nanoTime() + nanos;
    boolean interrupted = false;
    try {
      while (!isCollected()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          Reference<?> r = collected.remove(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
          if (r != null) {
            return true;
          }
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
}
