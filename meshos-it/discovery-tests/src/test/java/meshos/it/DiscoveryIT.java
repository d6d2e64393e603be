package meshos.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real {@link java.util.ServiceLoader} discovery in a child JVM, as users run it: the provider jars
 * on the module path ({@code provides}) and on the class path ({@code META-INF/services}).
 */
class DiscoveryIT {
  private static final Path LIBS = Path.of(System.getProperty("it.libs"));
  private static final Path JAR = Path.of(System.getProperty("it.jar"));
  private static final String EXCLUDE =
      "-Dmeshos.providers.exclude=meshos.it.good.ExcludedProvider";

  private static List<Path> jars() throws IOException {
    List<Path> jars = new ArrayList<>();
    jars.add(JAR);
    try (Stream<Path> libs = Files.list(LIBS)) {
      libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
    }
    return jars;
  }

  private static String path(List<Path> jars) {
    return jars.stream().map(Path::toString)
        .collect(Collectors.joining(System.getProperty("path.separator")));
  }

  private static List<String> run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), out);
    return out.lines().toList();
  }

  private static String line(List<String> out, String prefix) {
    return out.stream().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + out));
  }

  @Test
  void onTheModulePathProvidesClausesAreDiscovered() throws Exception {
    List<String> out = run(EXCLUDE, "--module-path", path(jars()),
        "-m", "meshos.it/meshos.it.DiscoveryMain");

    assertEquals("provider meshos.it.good.GoodProvider meshos.it.good LOADED",
        line(out, "provider meshos.it.good.GoodProvider"));
    assertEquals("provider meshos.it.good.ExcludedProvider meshos.it.good EXCLUDED",
        line(out, "provider meshos.it.good.ExcludedProvider"));
    assertEquals("provider meshos.it.ctor.CtorThrowsProvider meshos.it.ctor FAILED"
            + " java.util.ServiceConfigurationError"
            + " <- java.lang.IllegalStateException: constructor refuses",
        line(out, "provider meshos.it.ctor.CtorThrowsProvider"));
    assertEquals("provider meshos.it.create.CreateThrowsProvider meshos.it.create FAILED"
            + " java.lang.UnsupportedOperationException",
        line(out, "provider meshos.it.create.CreateThrowsProvider"));
    // The stale META-INF/services line of the ctor jar is read on the module path too (the class
    // path scan sees resources of named modules) and reported, without stopping discovery.
    assertMissingProviderFailed(out);
    assertEquals(5, out.stream().filter(l -> l.startsWith("provider ")).count(), out::toString);
    assertEquals("tick 1 slots [7]", line(out, "tick "));
  }

  @Test
  void onTheClassPathMetaInfServicesAreDiscovered() throws Exception {
    List<String> out = run(EXCLUDE, "-cp", path(jars()), "meshos.it.DiscoveryMain");

    assertEquals("provider meshos.it.good.GoodProvider unnamed LOADED",
        line(out, "provider meshos.it.good.GoodProvider"));
    assertEquals("provider meshos.it.good.ExcludedProvider unnamed EXCLUDED",
        line(out, "provider meshos.it.good.ExcludedProvider"));
    assertTrue(line(out, "provider meshos.it.ctor.CtorThrowsProvider unnamed FAILED")
        .endsWith("java.lang.IllegalStateException: constructor refuses"));
    assertEquals("provider meshos.it.create.CreateThrowsProvider unnamed FAILED"
            + " java.lang.UnsupportedOperationException",
        line(out, "provider meshos.it.create.CreateThrowsProvider"));
    assertMissingProviderFailed(out);
    assertEquals(5, out.stream().filter(l -> l.startsWith("provider ")).count(), out::toString);
    assertEquals("tick 1 slots [7]", line(out, "tick "));
  }

  /** A provider class named in META-INF/services but missing from the jar. */
  private static void assertMissingProviderFailed(List<String> out) {
    assertEquals("provider meshos.it.ctor.MissingProvider unknown FAILED"
            + " java.util.ServiceConfigurationError",
        line(out, "provider meshos.it.ctor.MissingProvider"));
  }

  @Test
  void moduleDescriptorsExportExactlyTheSpecPackages() throws Exception {
    ModuleFinder finder = ModuleFinder.of(jars().toArray(Path[]::new));
    assertEquals(Set.of("meshos.api", "meshos.api.spi"), exports(finder, "meshos.api"));
    assertEquals(Set.of("meshos.registry"), exports(finder, "meshos.registry"));
    assertEquals(Set.of("meshos.probes"), exports(finder, "meshos.probes"));
    assertEquals(Set.of("meshos.tick"), exports(finder, "meshos.tick"));
    ModuleDescriptor tick = descriptor(finder, "meshos.tick");
    assertEquals(Set.of("meshos.api.spi.RecoveryHandlerProvider"), tick.uses());
    assertTrue(tick.packages().contains("meshos.tick.internal"), "internal package exists");
    for (String module : List.of("meshos.api", "meshos.registry", "meshos.probes",
        "meshos.tick")) {
      ModuleDescriptor d = descriptor(finder, module);
      assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified), module);
      assertTrue(d.opens().isEmpty(), module + " opens nothing");
    }
    Map<Boolean, Set<String>> apiRequires = descriptor(finder, "meshos.api").requires().stream()
        .collect(Collectors.partitioningBy(
            r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC),
            Collectors.mapping(ModuleDescriptor.Requires::name, Collectors.toSet())));
    assertEquals(Set.of("java.base"), apiRequires.get(false),
        "at run time meshos.api depends on nothing but java.base");
    assertEquals(Set.of("org.jspecify"), apiRequires.get(true),
        "compile-time only: the nullness annotations");
  }

  private static ModuleDescriptor descriptor(ModuleFinder finder, String name) {
    return finder.find(name).orElseThrow(() -> new AssertionError(name + " not found"))
        .descriptor();
  }

  private static Set<String> exports(ModuleFinder finder, String name) {
    return descriptor(finder, name).exports().stream().map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toSet());
  }
}
