package meshos.tick;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Hot plug: loads provider jars into a running {@link MeshOsRuntime} and unloads them, with an
 * unload that is verified. Obtained from {@code runtime.plugins()}.
 *
 * <p>Each plugin gets its own {@link ModuleLayer}, a child of the layer that holds {@code
 * meshos.api}, with one class loader. A jar without {@code module-info} loads as an automatic
 * module (its {@code META-INF/services} entry is read). The layer's {@link
 * meshos.api.spi.RecoveryHandlerProvider}s are discovered with the same exclusion, isolation and
 * reporting as start-up discovery, and their handlers run from the next tick.
 *
 * <h2>Threads</h2>
 *
 * <p>{@link #load} and {@link #unload} may be called from any thread but the tick thread (a
 * handler, a probe or a tick listener; there they throw {@link IllegalStateException}); calls run
 * one at a time. {@link #list()} and {@link #pendingUnloads()} never block and may be called from
 * any thread, the tick thread included.
 */
public interface Plugins {

  /**
   * Loads {@code jars} as one plugin: builds its layer, discovers its providers (calling their
   * {@code create} on this thread, with the plugin's class loader as the thread's context class
   * loader), and registers their handlers, which run from the next tick. A provider that fails is
   * skipped and reported in {@link Plugin#providers()}; the others still load.
   *
   * @param jars the plugin's jars: its provider jar(s) and the libraries they need that the
   *     runtime's layers do not hold
   * @return the loaded plugin, in state {@link PluginState#LOADED}
   * @throws NullPointerException if {@code jars} or one of its elements is null
   * @throws IllegalArgumentException naming the jar and the reason, the runtime unchanged, if no
   *     jar is given, a jar is missing or unreadable, is not a module and has no {@code
   *     META-INF/services} entry for the SPI (no jar provides it), holds the same module or a
   *     package of another jar of the plugin, or requires a module found neither in the plugin
   *     nor in the runtime's layers
   * @throws IllegalStateException if called on the tick thread, if the runtime is closed, or if
   *     {@code meshos.api} is not in a named module layer (it is on the class path)
   */
  Plugin load(Path... jars);

  /**
   * Unloads {@code plugin}: unregisters every handler registered through its context (at {@code
   * create} and later; once this step has returned none is invoked by a pass that starts later),
   * removes its probes, discards its queued actions (counted, never run), waits for the pass in
   * flight (up to {@code timeout}, but at least 5 s), drops every reference the runtime holds to
   * it, then waits for what is left of {@code timeout} for its class loader to be garbage
   * collected.
   *
   * <p>A class loader goes only with a collection that unloads classes, which a quiet JVM may not
   * run for a long time: {@code collected=false} alone is not a leak, and this method never calls
   * {@link System#gc()}. A plugin not collected stays in {@link #pendingUnloads()}; if it is still
   * reachable after two collections of the old generation since the unload, a background check
   * logs one WARNING naming the plugin and what may hold it (live threads whose context class
   * loader is the plugin's or that run its code, its handlers still registered through another
   * path), records the JFR event {@code meshos.PluginLeak}, and moves it to {@link
   * PluginState#LEAKED}.
   *
   * @param plugin a plugin loaded by this runtime
   * @param timeout how long to wait for the class loader to be collected; zero: do not wait
   * @return what was removed and whether the loader was collected; for a plugin already unloaded
   *     (or being unloaded by another thread), at once, a report with zero counts
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code plugin} was not loaded by this runtime, or {@code
   *     timeout} is negative
   * @throws IllegalStateException if called on the tick thread
   */
  UnloadReport unload(Plugin plugin, Duration timeout);

  /**
   * The plugins loaded and not unloaded, in load order.
   *
   * @return an immutable snapshot
   */
  List<Plugin> list();

  /**
   * The plugins unloaded whose class loader has not been collected yet (states {@link
   * PluginState#UNLOADED} and {@link PluginState#LEAKED}), in unload order.
   *
   * @return an immutable snapshot
   */
  List<Plugin> pendingUnloads();
}
