package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.tick.internal.ServicesEntry.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Every provider the configuration names, read before {@link java.util.ServiceLoader} iterates:
 * the {@code provides} of named modules, their own {@code META-INF/services} files (to find the
 * names a module lists there but does not provide) and the services files on the class path.
 * Immutable once built; built and read on the thread that discovers.
 */
public final class ServicesConfiguration {
  private static final String SERVICE = RecoveryHandlerProvider.class.getName();

  private final List<ServicesEntry> entries;
  private final int resultLimit;

  private ServicesConfiguration(List<ServicesEntry> entries, int resultLimit) {
    this.entries = List.copyOf(entries);
    this.resultLimit = resultLimit;
  }

  /**
   * A configuration given as is (tests, or a caller that read it itself).
   *
   * @param entries the configured providers
   * @param resultLimit how many results of the loader belong to this configuration; the loader is
   *     not advanced further ({@link Integer#MAX_VALUE}: all of them)
   * @return the configuration
   * @throws IllegalArgumentException if {@code resultLimit} is negative
   */
  public static ServicesConfiguration of(List<ServicesEntry> entries, int resultLimit) {
    requireNonNull(entries, "entries");
    if (resultLimit < 0) {
      throw new IllegalArgumentException("resultLimit must be >= 0: " + resultLimit);
    }
    return new ServicesConfiguration(entries, resultLimit);
  }

  /**
   * The configuration of one layer's own modules, as {@code ServiceLoader.load(layer, …)} sees it
   * first: its results for these modules come before those of the parent layers, one per
   * provided name, so {@link #resultLimit()} is the number of provided names.
   *
   * @param layer a plugin's layer
   * @return its configuration
   */
  public static ServicesConfiguration ofLayer(ModuleLayer layer) {
    requireNonNull(layer, "layer");
    List<ServicesEntry> entries = new ArrayList<>();
    for (Module module : sorted(layer.modules())) {
      addModule(module, entries);
    }
    int provided = (int) entries.stream().filter(e -> e.kind() == Kind.PROVIDES).count();
    return new ServicesConfiguration(entries, provided);
  }

  /**
   * The configuration {@code ServiceLoader.load(service, loader)} sees: the named modules of
   * {@code layer} and its ancestors, then the services files on the class path of {@code loader}
   * (names a named module lists are that module's, not the class path's).
   *
   * @param layer the layer the discovering module is in ({@link ModuleLayer#boot()} if unnamed)
   * @param loader the class loader the services files are found with
   * @return the configuration
   */
  public static ServicesConfiguration ofLayersAndClassPath(ModuleLayer layer, ClassLoader loader) {
    requireNonNull(layer, "layer");
    requireNonNull(loader, "loader");
    List<ServicesEntry> entries = new ArrayList<>();
    for (ModuleLayer each : withAncestors(layer)) {
      for (Module module : sorted(each.modules())) {
        if (!isJdk(module)) {
          addModule(module, entries);
        }
      }
    }
    Set<String> inModules = new HashSet<>();
    entries.forEach(e -> inModules.add(e.className()));
    Map<String, ServicesEntry> classPath = new LinkedHashMap<>();
    for (URL url : ServicesFiles.find(loader)) {
      for (ServicesFiles.Line line : ServicesFiles.read(url)) {
        if (!inModules.contains(line.name())) {
          classPath.putIfAbsent(line.name(), new ServicesEntry(line.name(), ServicesEntry.UNNAMED,
              Kind.CLASS_PATH, null, url + ":" + line.number()));
        }
      }
    }
    entries.addAll(classPath.values());
    return new ServicesConfiguration(entries, Integer.MAX_VALUE);
  }

  /** The configured providers: modules first (by name, then in declaration order), class path. */
  public List<ServicesEntry> entries() {
    return entries;
  }

  /** How many loader results belong to this configuration; the loader is not advanced further. */
  public int resultLimit() {
    return resultLimit;
  }

  private static void addModule(Module module, List<ServicesEntry> entries) {
    ModuleDescriptor descriptor = module.getDescriptor();
    String name = module.getName();
    List<String> provided = descriptor.provides().stream()
        .filter(p -> p.service().equals(SERVICE))
        .flatMap(p -> p.providers().stream())
        .toList();
    boolean explicit = !descriptor.isAutomatic();
    for (String provider : provided) {
      entries.add(new ServicesEntry(provider, name, Kind.PROVIDES,
          explicit ? factoryType(module, provider) : null, "module " + name));
    }
    if (explicit) {
      for (ServicesFiles.Line line : ServicesFiles.read(module)) {
        if (!provided.contains(line.name())) {
          entries.add(new ServicesEntry(line.name(), name, Kind.SERVICES_WITHOUT_PROVIDES, null,
              "module " + name + " " + ServicesFiles.RESOURCE + ":" + line.number()));
        }
      }
    }
  }

  /**
   * The declared return type of {@code className}'s {@code public static provider()} method, as
   * {@code ServiceLoader} looks for it in an explicit module; null if there is none (or the class
   * cannot be loaded: {@code ServiceLoader} then reports the error). Loads, never initialises.
   */
  private static @Nullable Class<?> factoryType(Module module, String className) {
    try {
      @Nullable Class<?> type = Class.forName(module, className);
      if (type == null) {
        return null;
      }
      for (Method method : type.getDeclaredMethods()) {
        int modifiers = method.getModifiers();
        if (method.getName().equals("provider") && method.getParameterCount() == 0
            && Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)) {
          return method.getReturnType();
        }
      }
      return null;
    } catch (LinkageError | SecurityException e) {
      return null;
    }
  }

  private static List<ModuleLayer> withAncestors(ModuleLayer layer) {
    List<ModuleLayer> layers = new ArrayList<>();
    Set<ModuleLayer> seen = new HashSet<>();
    Deque<ModuleLayer> stack = new ArrayDeque<>();
    stack.push(layer);
    while (!stack.isEmpty()) {
      ModuleLayer each = stack.pop();
      if (seen.add(each)) {
        layers.add(each);
        List<ModuleLayer> parents = each.parents();
        for (int i = parents.size() - 1; i >= 0; i--) {
          stack.push(parents.get(i));
        }
      }
    }
    return layers;
  }

  private static List<Module> sorted(Set<Module> modules) {
    List<Module> list = new ArrayList<>(modules);
    list.sort(Comparator.comparing(Module::getName));
    return list;
  }

  /** Modules of the boot and platform class loaders: the JDK's, never a provider jar. */
  private static boolean isJdk(Module module) {
    @Nullable ClassLoader loader = module.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }
}
