package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
   * A layer with one module {@code name} holding {@code classes} of package {@code pkg} (copied
   * from this test module), providing {@code provided}, with {@code services} as its services file.
   */
  private ModuleLayer layer(ModuleLayer parent, String name, String pkg, List<String> classes,
      List<String> provided, String services) throws IOException {
    Path root = Files.createDirectory(dir.resolve(name));
    for (String simpleName : classes) {
      String resource = (pkg + simpleName).replace('.', '/') + ".class";
      Path target = root.resolve(resource);
      Files.createDirectories(target.getParent());
      try (InputStream in = ProviderLayerTest.class.getResourceAsStream("/" + resource)) {
        Files.copy(java.util.Objects.requireNonNull(in, resource), target);
      }
    }
    if (!services.isEmpty()) {
      Path file = root.resolve(ServicesFiles.RESOURCE);
      Files.createDirectories(file.getParent());
      Files.writeString(file, services);
    }
    String packageName = pkg.substring(0, pkg.length() - 1);
    ModuleDescriptor descriptor = ModuleDescriptor.newModule(name)
        .requires("meshos.api")
        .packages(Set.of(packageName))
        .provides(SPI, provided.stream().map(c -> pkg + c).toList())
        .build();
    ModuleReference reference = new ModuleReference(descriptor, root.toUri()) {
      @Override
      public ModuleReader open() {
        return new DirectoryReader(root);
      }
    };
    ModuleFinder finder = new ModuleFinder() {
      @Override
      public Optional<ModuleReference> find(String moduleName) {
        return moduleName.equals(name) ? Optional.of(reference) : Optional.empty();
      }

      @Override
      public Set<ModuleReference> findAll() {
        return Set.of(reference);
      }
    };
    Configuration configuration =
        parent.configuration().resolve(finder, ModuleFinder.of(), Set.of(name));
    return parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
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
