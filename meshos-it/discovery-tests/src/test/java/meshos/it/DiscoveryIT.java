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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real {@link java.util.ServiceLoader} discovery in a child JVM, as users run it: the provider jars
 * on the module path ({@code provides}; the jars without {@code module-info} as automatic modules)
 * and on the class path ({@code META-INF/services}).
 */
class DiscoveryIT {
  private static final Path LIBS = Path.of(System.getProperty("it.libs"));
  private static final Path JAR = Path.of(System.getProperty("it.jar"));
  /** The system property trims (spaces kept on purpose); so must the builder (issue 11.8). */
  private static final String EXCLUDE = "-Dmeshos.providers.exclude=meshos.it.good.ExcludedProvider"
      + ", meshos.it.exbroken.ExcludedBrokenProvider ,meshos.it.exbroken.ExcludedMissingProvider";
  private static final String BUILDER_EXCLUDE =
      "-Dit.builderExclude= meshos.it.factory.ExcludedFactory ";
  private static final String SPI = "meshos.api.spi.RecoveryHandlerProvider";
  private static final String SCE = "java.util.ServiceConfigurationError";
  private static final String TWIN_JAR = "meshos-it-twin-";

  /** What the child JVM printed. */
  private record Output(List<String> out, String err) {}

  /** The jars but the twin providers' (they would be look-alikes of the factory jar's). */
  private static List<Path> jars() throws IOException {
    return jars(name -> !name.startsWith(TWIN_JAR));
  }

  /** This module's jar and the libraries whose file name {@code lib} accepts. */
  private static List<Path> jars(Predicate<String> lib) throws IOException {
    List<Path> jars = new ArrayList<>();
    jars.add(JAR);
    try (Stream<Path> libs = Files.list(LIBS)) {
      libs.filter(p -> p.toString().endsWith(".jar") && lib.test(p.getFileName().toString()))
          .sorted().forEach(jars::add);
    }
    return jars;
  }

  private static String path(List<Path> jars) {
    return jars.stream().map(Path::toString)
        .collect(Collectors.joining(System.getProperty("path.separator")));
  }

  private static Output run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    Path err = Files.createTempFile("discovery-it", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      String errors = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), out + errors);
      return new Output(out.lines().toList(), errors);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static String line(List<String> out, String prefix) {
    return out.stream().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + out));
  }

  private static void assertProvider(List<String> out, String expected) {
    String className = expected.substring(9, expected.indexOf(' ', 9));
    assertEquals(expected, line(out, "provider " + className + " "));
  }

  @Test
  void onTheModulePathProvidesClausesAreDiscovered() throws Exception {
    Output run = run(EXCLUDE, BUILDER_EXCLUDE, "--module-path", path(jars()),
        "-m", "meshos.it/meshos.it.DiscoveryMain");
    List<String> out = run.out();

    assertProvider(out, "provider meshos.it.good.GoodProvider meshos.it.good LOADED");
    assertProvider(out, "provider meshos.it.good.ExcludedProvider meshos.it.good EXCLUDED");
    assertProvider(out, "provider meshos.it.ctor.CtorThrowsProvider meshos.it.ctor FAILED " + SCE
        + " <- java.lang.IllegalStateException: constructor refuses");
    assertProvider(out, "provider meshos.it.create.CreateThrowsProvider meshos.it.create FAILED"
        + " java.lang.UnsupportedOperationException");
    assertCommonFailures(out, "meshos.it.noctor", "meshos.it.notsub");
    // Issue 11.5: two factories of one module are two providers, named by their class; the
    // excluded one (through the builder, untrimmed) is never called.
    assertProvider(out, "provider meshos.it.factory.LeftFactory meshos.it.factory LOADED");
    assertProvider(out, "provider meshos.it.factory.RightFactory meshos.it.factory LOADED");
    assertProvider(out, "provider meshos.it.factory.ExcludedFactory meshos.it.factory EXCLUDED");
    // Issue 11.7: excluded, whatever state the class is in (automatic module here).
    assertProvider(out, "provider meshos.it.exbroken.ExcludedBrokenProvider meshos.it.exbroken"
        + " EXCLUDED");
    assertProvider(out, "provider meshos.it.exbroken.ExcludedMissingProvider meshos.it.exbroken"
        + " EXCLUDED");
    // Issue 11.9: META-INF/services without provides is reported, with the fix, and warned of.
    assertProvider(out, "provider meshos.it.servicesonly.ForgottenProvider meshos.it.servicesonly"
        + " FAILED " + SCE);
    String fix = "provides " + SPI + " with meshos.it.servicesonly.ForgottenProvider;";
    assertTrue(line(out, "message meshos.it.servicesonly.ForgottenProvider ").contains(fix));
    assertTrue(run.err().contains("WARNING: module meshos.it.servicesonly lists"
        + " [meshos.it.servicesonly.ForgottenProvider]"), run.err());
    assertTrue(run.err().contains(fix), run.err());
    // The stale META-INF/services line of the ctor jar: listed there, not provided, missing.
    assertProvider(out, "provider meshos.it.ctor.MissingProvider meshos.it.ctor FAILED " + SCE
        + " <- " + SCE + ": " + SPI + ": Provider meshos.it.ctor.MissingProvider not found");
    assertTrue(run.err().contains("WARNING: module meshos.it.ctor lists"
        + " [meshos.it.ctor.MissingProvider]"), run.err());
    assertEquals(13, out.stream().filter(l -> l.startsWith("provider ")).count(), out::toString);
    assertTrue(out.stream().noneMatch(l -> l.startsWith("called ")), out::toString);
    assertEquals("tick 1 slots [11, 12, 7]", line(out, "tick "));
  }

  /**
   * Issue 11.5: the factories of modules meshos.it.twin.a (slot 41) and meshos.it.twin.b (slot 42)
   * are both declared to return the SPI type, so ServiceLoader reports both with it, in an order
   * of modules it does not specify; each must be named by the module of what it returned. With
   * these module names, JDK 17 and 25 yield twin.b first, against declaration (name) order: before
   * the fix each was reported and registered under the other's name (slots [42, 41]). The order
   * hangs on the descriptors' hashes: the {@code yield} line shows it if this test fails.
   */
  @Test
  void onTheModulePathFactoriesOfTwoModulesWithOneReturnTypeAreNamedByWhatTheyReturn()
      throws Exception {
    Output run = run("-Dit.yieldOrder=true", "--module-path",
        path(jars(name -> !name.startsWith("meshos-it-") || name.startsWith(TWIN_JAR))),
        "-m", "meshos.it/meshos.it.DiscoveryMain");
    List<String> out = run.out();

    assertProvider(out, "provider meshos.it.twin.a.TwinAFactory meshos.it.twin.a LOADED");
    assertProvider(out, "provider meshos.it.twin.b.TwinBFactory meshos.it.twin.b LOADED");
    assertEquals(2, out.stream().filter(l -> l.startsWith("provider ")).count(), out::toString);
    assertEquals("tick 1 slots [41, 42]", line(out, "tick "), line(out, "yield "));
    assertTrue(!run.err().contains("named in declaration order"), run.err());
  }

  @Test
  void onTheClassPathMetaInfServicesAreDiscovered() throws Exception {
    Output run = run(EXCLUDE, BUILDER_EXCLUDE, "-cp", path(jars()), "meshos.it.DiscoveryMain");
    List<String> out = run.out();

    assertProvider(out, "provider meshos.it.good.GoodProvider unnamed LOADED");
    assertProvider(out, "provider meshos.it.good.ExcludedProvider unnamed EXCLUDED");
    assertTrue(line(out, "provider meshos.it.ctor.CtorThrowsProvider unnamed FAILED")
        .endsWith("java.lang.IllegalStateException: constructor refuses"));
    assertProvider(out, "provider meshos.it.create.CreateThrowsProvider unnamed FAILED"
        + " java.lang.UnsupportedOperationException");
    assertCommonFailures(out, "unnamed", "unnamed");
    // No factories on the class path: the same classes load through their constructors.
    assertProvider(out, "provider meshos.it.factory.LeftFactory unnamed LOADED");
    assertProvider(out, "provider meshos.it.factory.RightFactory unnamed LOADED");
    assertProvider(out, "provider meshos.it.factory.ExcludedFactory unnamed EXCLUDED");
    assertProvider(out, "provider meshos.it.exbroken.ExcludedBrokenProvider unnamed EXCLUDED");
    assertProvider(out, "provider meshos.it.exbroken.ExcludedMissingProvider unnamed EXCLUDED");
    // The class path reads META-INF/services: the module-path mistake does not exist here.
    assertProvider(out, "provider meshos.it.servicesonly.ForgottenProvider unnamed LOADED");
    assertProvider(out, "provider meshos.it.ctor.MissingProvider unnamed FAILED " + SCE);
    assertTrue(line(out, "message meshos.it.ctor.MissingProvider ")
        .endsWith("Provider meshos.it.ctor.MissingProvider not found"));
    assertTrue(!run.err().contains("provides " + SPI), run.err());
    assertEquals(13, out.stream().filter(l -> l.startsWith("provider ")).count(), out::toString);
    assertTrue(out.stream().noneMatch(l -> l.startsWith("called ")), out::toString);
    assertEquals("tick 1 slots [21, 22, 7, 31]", line(out, "tick "));
  }

  /**
   * Issue 11.6: a provider without a public no-arg constructor, and a services entry that is not a
   * subtype, are reported under their own class names (the JDK's messages start otherwise).
   */
  private static void assertCommonFailures(List<String> out, String noCtor, String notSub) {
    assertProvider(out, "provider meshos.it.noctor.NoCtorProvider " + noCtor + " FAILED " + SCE
        + " <- java.lang.NoSuchMethodException: meshos.it.noctor.NoCtorProvider.<init>()");
    assertProvider(out, "provider meshos.it.notsub.NotAProvider " + notSub + " FAILED " + SCE);
    assertEquals("message meshos.it.notsub.NotAProvider " + SPI
        + ": meshos.it.notsub.NotAProvider not a subtype",
        line(out, "message meshos.it.notsub.NotAProvider "));
    assertTrue(out.stream().noneMatch(l -> l.startsWith("provider Unable ")
        || l.startsWith("provider not ") || l.startsWith("provider <unknown>")), out::toString);
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
