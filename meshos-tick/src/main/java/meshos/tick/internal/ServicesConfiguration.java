package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * The last scan of the application module path, for the layer {@code meshos.tick} is in: the
   * module path and that layer never change, so each {@code start()} need not re-read every jar
   * (it holds no other layer than {@code meshos.tick}'s own). Racy but benign: a lost update only
   * scans again.
   */
  private static volatile @Nullable UnresolvedScan lastScan;

  private final List<ServicesEntry> entries;
  private final int resultLimit;

  private record UnresolvedScan(ModuleLayer layer, List<ServicesEntry> entries) {}

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
   * {@code layer} and its ancestors, the explicit modules of the module path ({@code
   * jdk.module.path}) that were not resolved (only their services files matter: a module that
   * provides is resolved by service binding), then the services files on the class path of {@code
   * loader} (names a named module lists are that module's, not the class path's).
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
    addUnresolved(layer, entries);
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

  /**
   * The explicit modules of the application module path that are in no layer: a module that only
   * lists its providers in {@code META-INF/services} is often not even resolved (nothing requires
   * it, and without {@code provides} service binding does not pull it in).
   */
  private static void addUnresolved(ModuleLayer layer, List<ServicesEntry> entries) {
    UnresolvedScan scan = lastScan;
    if (scan == null || scan.layer() != layer) {
      List<ServicesEntry> found = new ArrayList<>();
      scanUnresolved(layer, found);
      scan = new UnresolvedScan(layer, List.copyOf(found));
      lastScan = scan;
    }
    entries.addAll(scan.entries());
  }

  private static void scanUnresolved(ModuleLayer layer, List<ServicesEntry> entries) {
    String modulePath = System.getProperty("jdk.module.path", "");
    if (modulePath.isBlank()) {
      return;
    }
    Set<String> resolved = new HashSet<>();
    withAncestors(layer).forEach(l -> l.modules().forEach(m -> resolved.add(m.getName())));
    List<ModuleReference> unresolved = new ArrayList<>();
    try {
      Path[] paths = Arrays.stream(modulePath.split(File.pathSeparator, -1))
          .filter(p -> !p.isBlank()).map(Path::of).toArray(Path[]::new);
      for (ModuleReference reference : ModuleFinder.of(paths).findAll()) {
        if (!resolved.contains(reference.descriptor().name())
            && !reference.descriptor().isAutomatic()) {
          unresolved.add(reference);
        }
      }
    } catch (RuntimeException e) {
      // An unreadable module path (FindException, InvalidPathException): nothing to add.
      return;
    }
    unresolved.sort(Comparator.comparing(r -> r.descriptor().name()));
    for (ModuleReference reference : unresolved) {
      String name = reference.descriptor().name();
      for (ServicesFiles.Line line : ServicesFiles.read(reference)) {
        if (!provided(reference.descriptor()).contains(line.name())) {
          entries.add(new ServicesEntry(line.name(), name, Kind.SERVICES_WITHOUT_PROVIDES, null,
              "module " + name + " (not resolved) " + ServicesFiles.RESOURCE + ":"
                  + line.number()));
        }
      }
    }
  }

  private static List<String> provided(ModuleDescriptor descriptor) {
    return descriptor.provides().stream()
        .filter(p -> p.service().equals(SERVICE))
        .flatMap(p -> p.providers().stream())
        .toList();
  }

  private static void addModule(Module module, List<ServicesEntry> entries) {
    ModuleDescriptor descriptor = module.getDescriptor();
    String name = module.getName();
    List<String> provided = provided(descriptor);
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
