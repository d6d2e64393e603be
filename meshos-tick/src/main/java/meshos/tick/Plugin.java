package meshos.tick;

import java.nio.file.Path;
import java.util.List;

/**
 * A set of provider jars loaded into a running {@link MeshOsRuntime} by {@link Plugins#load}, in
 * its own {@link ModuleLayer} with its own class loader.
 *
 * <p>All methods may be called from any thread and never block. After {@link Plugins#unload} a
 * plugin holds no reference to its layer, class loader, providers or handlers: keeping a {@code
 * Plugin} does not keep its classes alive.
 */
public interface Plugin {

  /**
   * The plugin's name: the module name of its first jar (for a jar without {@code module-info},
   * the automatic module name).
   *
   * @return the name, as used in logs, reports and JFR events
   */
  String name();

  /**
   * The jars given to {@link Plugins#load}, as absolute paths, in the order given.
   *
   * @return an immutable list of at least one path
   */
  List<Path> jars();

  /**
   * Every provider found in the plugin's layer, as {@link MeshOsRuntime#providers()} reports
   * start-up discovery: ordered by class name, with outcome and cause. After the unload, a cause
   * is a copy (same message and stack trace, a JDK type) so that it does not hold the plugin's
   * classes.
   *
   * @return an immutable list
   */
  List<ProviderInfo> providers();

  /**
   * Where the plugin is in its life.
   *
   * @return the current state; moves only forward (but {@link PluginState#LEAKED} may still
   *     become {@link PluginState#COLLECTED})
   */
  PluginState state();
}
