package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.ProviderInfo;
import meshos.tick.ProviderOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry point hot plug uses: discovery of one {@link ModuleLayer}'s own modules, here a layer
 * built in the test from this module's compiled {@code layerfix} / {@code layerparent} classes.
 */
class ProviderLayerTest {
  private static final String SPI = RecoveryHandlerProvider.class.getName();
  private static final String FIX = "meshos.tick.internal.layerfix.";
  private static final String PARENT = "meshos.tick.internal.layerparent.";
  private static final String TWIN = "meshos.tick.internal.layertwin.";
  private static final String TWIN_ONE = TWIN + "one.TwinOne";
  private static final String TWIN_TWO = TWIN + "two.TwinTwo";

  @TempDir Path dir;

  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry();
  private final RecoveryContext context = new RuntimeContext(registry, a -> false, "node-1",
      meshos.probes.PeerSnapshot::empty, new meshos.probes.ProbeRegistry());
  private final List<String> registered = new ArrayList<>();

  @Test
  void aLayerIsDiscoveredByProvidedClassWithExclusionsAndServicesWithoutProvides()
      throws IOException {
    ModuleLayer parent = layer(ModuleLayer.boot(), "fixture.parent", PARENT,
        List.of("ParentProvider"), List.of("ParentProvider"), "");
    ModuleLayer plugin = layer(parent, "fixture.plugin", FIX,
        List.of("LeftFactory", "RightFactory", "ExcludedFactory", "Forgotten"),
        List.of("LeftFactory", "RightFactory", "ExcludedFactory"),
        FIX + "LeftFactory\n" + FIX + "Forgotten\n");

    List<ProviderInfo> infos = new ProviderDiscovery(Set.of(FIX + "ExcludedFactory"))
        .discover(plugin, context, (handler, name) -> {
          registered.add(name);
          registry.register(handler);
        });

    assertEquals(List.of(FIX + "ExcludedFactory", FIX + "Forgotten", FIX + "LeftFactory",
        FIX + "RightFactory"), infos.stream().map(ProviderInfo::className).toList());
    assertEquals(List.of(ProviderOutcome.EXCLUDED, ProviderOutcome.FAILED, ProviderOutcome.LOADED,
        ProviderOutcome.LOADED), infos.stream().map(ProviderInfo::outcome).toList());
    assertTrue(infos.stream().allMatch(i -> i.moduleName().equals("fixture.plugin")));
    assertTrue(infos.get(1).cause().orElseThrow().getMessage()
        .contains("provides " + SPI + " with " + FIX + "Forgotten;"));
    // The parent layer's provider is not the plugin's: never touched.
    assertEquals(List.of(FIX + "LeftFactory", FIX + "RightFactory"), registered);
    assertArrayEquals(new int[] {1, 2}, registry.tryRunAll());
  }

  /**
   * Two factories of two modules, both declared to return {@code RecoveryHandlerProvider}: the
   * loader reports both with that type, in an order of modules it does not specify (here: hash
   * order of the module names), so each must be named by the module of what it returned. Several
   * name pairs, so that the loader yields the modules against their declaration (name) order in
   * some of them; the test checks it did at least once.
   */
  @Test
  void factoriesOfTwoModulesWithOneReturnTypeAreNamedByTheModuleOfWhatTheyReturn()
      throws Exception {
    int againstDeclarationOrder = 0;
    for (int pair = 0; pair < 6; pair++) {
      String one = (pair % 2 == 0 ? "twin.a" : "twin.z") + pair;
      String two = "twin.m" + pair;
      ModuleLayer layer = twinLayer(one, two);
      if (!yieldOrder(layer).equals(declarationOrder(one, two))) {
        againstDeclarationOrder++;
      }
      Map<String, Integer> slotByName = new HashMap<>();
      List<ProviderInfo> infos = new ProviderDiscovery(Set.of()).discover(layer, context,
          (handler, name) -> slotByName.put(name, handler.recover()[0]));

      String pairName = one + "/" + two;
      assertEquals(List.of(new ProviderInfo(TWIN_ONE, one, ProviderOutcome.LOADED,
              Optional.empty()), new ProviderInfo(TWIN_TWO, two, ProviderOutcome.LOADED,
              Optional.empty())), infos, pairName);
      assertEquals(Map.of(TWIN_ONE, 1, TWIN_TWO, 2), slotByName, pairName);
      assertEquals(1, calls(layer, one, TWIN_ONE), pairName);
      assertEquals(1, calls(layer, two, TWIN_TWO), pairName);
    }
    assertNotEquals(0, againstDeclarationOrder,
        "no pair of module names made the loader go against declaration order: pick others");
  }

  @Test
  void factoriesOfTwoModulesWithOneReturnTypeAreNeitherCalledIfOneIsExcluded() throws Exception {
    for (int pair = 0; pair < 2; pair++) {
      String one = (pair % 2 == 0 ? "twin.a" : "twin.z") + pair;
      String two = "twin.m" + pair;
      ModuleLayer layer = twinLayer(one, two);

      List<ProviderInfo> infos = new ProviderDiscovery(Set.of(TWIN_TWO))
          .discover(layer, context, (handler, name) -> registered.add(name));

      assertEquals(List.of(TWIN_ONE, TWIN_TWO),
          infos.stream().map(ProviderInfo::className).toList());
      assertEquals(List.of(ProviderOutcome.FAILED, ProviderOutcome.EXCLUDED),
          infos.stream().map(ProviderInfo::outcome).toList());
      assertTrue(infos.get(0).cause().orElseThrow().getMessage().contains("same type as the"
          + " excluded [" + TWIN_TWO + "]"), infos.get(0).cause().orElseThrow().getMessage());
      assertEquals(List.of(), registered);
      assertEquals(0, calls(layer, one, TWIN_ONE));
      assertEquals(0, calls(layer, two, TWIN_TWO));
    }
  }

  /** Module {@code one} holds {@code TwinOne} (slot 1), module {@code two} {@code TwinTwo}. */
  private ModuleLayer twinLayer(String one, String two) throws IOException {
    return layer(ModuleLayer.boot(), List.of(
        new Spec(one, TWIN + "one.", List.of("TwinOne"), List.of("TwinOne"), ""),
        new Spec(two, TWIN + "two.", List.of("TwinTwo"), List.of("TwinTwo"), "")));
  }

  /** The modules of the factories' instances, in the order {@code ServiceLoader} yields them. */
  private static List<String> yieldOrder(ModuleLayer layer) throws Exception {
    List<String> order = new ArrayList<>();
    for (RecoveryHandlerProvider provider : ServiceLoader.load(layer,
        RecoveryHandlerProvider.class)) {
      order.add(provider.getClass().getModule().getName());
    }
    // Calling the factories to see their modules counted calls: start the count again.
    for (String module : order) {
      for (String className : List.of(TWIN_ONE, TWIN_TWO)) {
        Class<?> type = Class.forName(layer.findModule(module).orElseThrow(), className);
        if (type != null) {
          ((AtomicInteger) type.getField("CALLS").get(null)).set(0);
        }
      }
    }
    return order;
  }

  private static List<String> declarationOrder(String one, String two) {
    return one.compareTo(two) < 0 ? List.of(one, two) : List.of(two, one);
  }

  private static int calls(ModuleLayer layer, String module, String className) throws Exception {
    Class<?> type = Class.forName(layer.findModule(module).orElseThrow(), className);
    return ((AtomicInteger) type.getField("CALLS").get(null)).get();
  }

  /** One module of a test layer: see {@link #layer(ModuleLayer, List)}. */
  private record Spec(String name, String pkg, List<String> classes, List<String> provided,
      String services) {}

  /**
   * A layer with one module {@code name} holding {@code classes} of package {@code pkg} (copied
   * from this test module), providing {@code provided}, with {@code services} as its services file.
   */
  private ModuleLayer layer(ModuleLayer parent, String name, String pkg, List<String> classes,
      List<String> provided, String services) throws IOException {
    return layer(parent, List.of(new Spec(name, pkg, classes, provided, services)));
  }

  /**
   * A layer of {@code specs}' modules, each holding its classes (copied from this test module),
   * exporting its package, providing its {@code provided}, with its services file; one loader.
   */
  private ModuleLayer layer(ModuleLayer parent, List<Spec> specs) throws IOException {
    Map<String, ModuleReference> references = new HashMap<>();
    for (Spec spec : specs) {
      references.put(spec.name(), reference(spec));
    }
    ModuleFinder finder = new ModuleFinder() {
      @Override
      public Optional<ModuleReference> find(String moduleName) {
        return Optional.ofNullable(references.get(moduleName));
      }

      @Override
      public Set<ModuleReference> findAll() {
        return Set.copyOf(references.values());
      }
    };
    Configuration configuration =
        parent.configuration().resolve(finder, ModuleFinder.of(), references.keySet());
    return parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
  }

  private ModuleReference reference(Spec spec) throws IOException {
    Path root = Files.createDirectories(dir.resolve(spec.name()));
    for (String simpleName : spec.classes()) {
      String resource = (spec.pkg() + simpleName).replace('.', '/') + ".class";
      Path target = root.resolve(resource);
      Files.createDirectories(target.getParent());
      try (InputStream in = ProviderLayerTest.class.getResourceAsStream("/" + resource)) {
        Files.copy(java.util.Objects.requireNonNull(in, resource), target,
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    if (!spec.services().isEmpty()) {
      Path file = root.resolve(ServicesFiles.RESOURCE);
      Files.createDirectories(file.getParent());
      Files.writeString(file, spec.services());
    }
    String packageName = spec.pkg().substring(0, spec.pkg().length() - 1);
    ModuleDescriptor descriptor = ModuleDescriptor.newModule(spec.name())
        .requires("meshos.api")
        .exports(packageName)
        .provides(SPI, spec.provided().stream().map(c -> spec.pkg() + c).toList())
        .build();
    return new ModuleReference(descriptor, root.toUri()) {
      @Override
      public ModuleReader open() {
        return new DirectoryReader(root);
      }
    };
  }

  /** Serves a module's content from a directory. */
  private static final class DirectoryReader implements ModuleReader {
    private final Path root;

    DirectoryReader(Path root) {
      this.root = root;
    }

    @Override
    public Optional<URI> find(String name) {
      Path file = root.resolve(name);
      return Files.isRegularFile(file) ? Optional.of(file.toUri()) : Optional.empty();
    }

    @Override
    public Stream<String> list() throws IOException {
      try (Stream<Path> files = Files.walk(root)) {
        return files.filter(Files::isRegularFile)
            .map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
            .toList().stream();
      }
    }

    @Override
    public void close() {}
  }
}
