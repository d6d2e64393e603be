package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import meshos.api.spi.RecoveryHandlerProvider;

/**
 * Builds the {@link ModuleLayer} of one plugin from its jars: checks every jar first (so that bad
 * input leaves nothing behind and is reported naming the jar and the reason), then resolves the
 * jars' modules against the layer that holds {@code meshos.api} and defines them to one new class
 * loader. Stateless; called on the loading thread.
 */
final class PluginLayers {
  static final String SPI = RecoveryHandlerProvider.class.getName();

  private PluginLayers() {}

  /**
   * A plugin's layer and what the unload and the leak check need to know about it.
   *
   * @param name the module name of the first jar
   * @param jars the jars, absolute
   * @param layer the new layer
   * @param loader the layer's one class loader
   * @param modules the names of the layer's modules
   * @param providers how many provider classes the layer's modules declare for the SPI
   */
  record Built(String name, List<Path> jars, ModuleLayer layer, ClassLoader loader,
      Set<String> modules, int providers) {}

  /**
   * Checks the jars and builds the layer.
   *
   * @param jars the plugin's jars, at least one
   * @return the layer
   * @throws IllegalArgumentException naming the jar and the reason if the jars cannot form a layer
   * @throws IllegalStateException if {@code meshos.api} is not in a named layer
   */
  static Built build(List<Path> jars) {
    ModuleLayer parent = RecoveryHandlerProvider.class.getModule().getLayer();
    if (parent == null) {
      throw new IllegalStateException("hot plug needs module meshos.api on the module path; it is"
          + " on the class path (in an unnamed module), so plugin modules cannot read it");
    }
    Map<String, Path> moduleJars = new LinkedHashMap<>();
    Map<String, ModuleDescriptor> descriptors = new LinkedHashMap<>();
    Map<String, String> packageOwners = new HashMap<>();
    List<Path> absolute = new ArrayList<>();
    for (Path given : jars) {
      Path jar = given.toAbsolutePath().normalize();
      absolute.add(jar);
      ModuleDescriptor d = readDescriptor(jar);
      Path other = moduleJars.putIfAbsent(d.name(), jar);
      if (other != null) {
        throw bad(jar, "holds module " + d.name() + ", as does " + other);
      }
      descriptors.put(d.name(), d);
      for (String pkg : d.packages()) {
        String owner = packageOwners.putIfAbsent(pkg, d.name());
        if (owner != null) {
          throw bad(jar, "contains package " + pkg + ", as does " + moduleJars.get(owner)
              + " (module " + owner + ")");
        }
      }
    }
    int providers = checkProvides(descriptors, moduleJars);
    checkRequires(descriptors, moduleJars, parent);
    ModuleFinder finder = ModuleFinder.of(absolute.toArray(Path[]::new));
    ModuleLayer layer;
    try {
      Configuration cf = Configuration.resolve(
          finder, List.of(parent.configuration()), ModuleFinder.of(), moduleJars.keySet());
      layer = parent.defineModulesWithOneLoader(cf, RecoveryHandlerProvider.class.getClassLoader());
    } catch (FindException | ResolutionException | LayerInstantiationException e) {
      throw new IllegalArgumentException("plugin jars " + absolute + " cannot be resolved against"
          + " the runtime's module layers: " + e.getMessage(), e);
    }
    String first = moduleJars.keySet().iterator().next();
    return new Built(first, List.copyOf(absolute), layer, layer.findLoader(first),
        Set.copyOf(moduleJars.keySet()), providers);
  }

  /** One jar's module descriptor; automatic if it has no {@code module-info}. */
  private static ModuleDescriptor readDescriptor(Path jar) {
    if (!Files.exists(jar)) {
      throw bad(jar, "not found");
    }
    if (!Files.isRegularFile(jar)) {
      throw bad(jar, "not a regular file");
    }
    if (!Files.isReadable(jar)) {
      throw bad(jar, "not readable");
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      file.getManifest(); // opens and closes it: a corrupt jar fails here, not in the class loader
    } catch (IOException | SecurityException e) {
      throw bad(jar, "not a readable jar (" + e + ")", e);
    }
    Set<ModuleReference> found;
    try {
      found = ModuleFinder.of(jar).findAll();
    } catch (FindException e) {
      throw bad(jar, "not a valid module: " + messages(e), e);
    }
    if (found.size() != 1) {
      throw bad(jar, "holds " + found.size() + " modules; a plugin jar holds one");
    }
    return found.iterator().next().descriptor();
  }

  /** At least one module must provide the SPI; returns how many provider classes there are. */
  private static int checkProvides(
      Map<String, ModuleDescriptor> descriptors, Map<String, Path> moduleJars) {
    int providers = 0;
    for (ModuleDescriptor d : descriptors.values()) {
      for (ModuleDescriptor.Provides p : d.provides()) {
        if (p.service().equals(SPI)) {
          providers += p.providers().size();
        }
      }
    }
    if (providers > 0) {
      return providers;
    }
    Map.Entry<String, ModuleDescriptor> first = descriptors.entrySet().iterator().next();
    Path jar = requireNonNull(moduleJars.get(first.getKey()));
    String also = descriptors.size() == 1 ? "" : " (nor does any other jar of the plugin)";
    if (first.getValue().isAutomatic()) {
      throw bad(jar, "not a module (no module-info.class) and no META-INF/services/" + SPI
          + " entry" + also);
    }
    throw bad(jar, "module " + first.getKey() + " does not provide " + SPI + also);
  }

  /** Every non-static requires must be in the plugin or in the runtime's layers. */
  private static void checkRequires(Map<String, ModuleDescriptor> descriptors,
      Map<String, Path> moduleJars, ModuleLayer parent) {
    for (ModuleDescriptor d : descriptors.values()) {
      for (ModuleDescriptor.Requires r : d.requires()) {
        if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
            || descriptors.containsKey(r.name())
            || parent.configuration().findModule(r.name()).isPresent()) {
          continue;
        }
        throw bad(requireNonNull(moduleJars.get(d.name())), "module " + d.name() + " requires " + r.name()
            + ", which is neither in the plugin nor in the runtime's module layers"
            + (r.name().startsWith("java.") || r.name().startsWith("jdk.")
                ? " (start the JVM with --add-modules " + r.name() + ")" : ""));
      }
    }
  }

  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
    for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
      sb.append(": ").append(c.getMessage());
    }
    return sb.toString();
  }

  private static IllegalArgumentException bad(Path jar, String reason) {
    return new IllegalArgumentException("plugin jar " + jar + ": " + reason);
  }

  private static IllegalArgumentException bad(Path jar, String reason, Throwable cause) {
    return new IllegalArgumentException("plugin jar " + jar + ": " + reason, cause);
  }
}
