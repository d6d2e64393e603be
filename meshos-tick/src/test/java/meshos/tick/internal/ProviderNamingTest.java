package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.ProviderInfo;
import meshos.tick.ProviderOutcome;
import meshos.tick.internal.ServicesEntry.Kind;
import org.junit.jupiter.api.Test;

/**
 * Providers are named by their configuration ({@code provides} / services files), not by what
 * {@link ServiceLoader} reports: factories, failures, exclusions, services files without
 * {@code provides} (issue 11, items 5 to 9). The loader here is scripted; meshos-it runs the real one.
 */
class ProviderNamingTest {
  private static final String SPI = RecoveryHandlerProvider.class.getName();
  private final List<String> called = new ArrayList<>();
  private final List<String> registered = new ArrayList<>();
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry();
  private final RecoveryContext context = new RuntimeContext(registry, a -> false, "node-1",
      meshos.probes.PeerSnapshot::empty, new meshos.probes.ProbeRegistry());

  /** A provider factory's result: ServiceLoader reports the factory's declared return type. */
  private ServiceLoader.Provider<RecoveryHandlerProvider> factory(String label, int slot) {
    return new ServiceLoader.Provider<>() {
      @Override
      public Class<? extends RecoveryHandlerProvider> type() {
        return RecoveryHandlerProvider.class;
      }

      @Override
      public RecoveryHandlerProvider get() {
        called.add(label);
        return c -> () -> new int[] {slot};
      }
    };
  }

  private static ServicesEntry provides(String module, String className, Class<?> factoryType) {
    return new ServicesEntry(className, module, Kind.PROVIDES, factoryType, "module " + module);
  }

  private static ServicesEntry classPath(String className, int line) {
    return new ServicesEntry(className, "unnamed", Kind.CLASS_PATH, null, "jar:file:/p.jar!/"
        + ServicesFiles.RESOURCE + ":" + line);
  }

  /** A loader that yields {@code results} in order: providers, or errors thrown at that step. */
  private static Iterator<ServiceLoader.Provider<RecoveryHandlerProvider>> loader(
      Object... results) {
    return new Iterator<>() {
      int next;

      @Override
      public boolean hasNext() {
        if (next < results.length && results[next] instanceof ServiceConfigurationError e) {
          next++;
          throw e;
        }
        return next < results.length;
      }

      @SuppressWarnings("unchecked")
      @Override
      public ServiceLoader.Provider<RecoveryHandlerProvider> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return (ServiceLoader.Provider<RecoveryHandlerProvider>) results[next++];
      }
    };
  }

  private Map<String, ProviderInfo> discover(Set<String> excluded, List<ServicesEntry> configured,
      Iterator<ServiceLoader.Provider<RecoveryHandlerProvider>> loader) {
    List<ProviderInfo> infos = new ProviderDiscovery(excluded).discover(
        ServicesConfiguration.of(configured, Integer.MAX_VALUE), loader, context,
        (handler, name) -> {
          registered.add(name);
          registry.register(handler);
        });
    return infos.stream().collect(Collectors.toMap(ProviderInfo::className, i -> i));
  }

  private static ServiceConfigurationError jdkError(String detail) {
    return new ServiceConfigurationError(SPI + ": " + detail);
  }

  @Test
  void twoFactoriesOfOneModuleAreTwoProvidersNamedByTheirClass() {
    Map<String, ProviderInfo> infos = discover(Set.of(),
        List.of(provides("m.f", "m.f.LeftFactory", RecoveryHandlerProvider.class),
            provides("m.f", "m.f.RightFactory", RecoveryHandlerProvider.class)),
        loader(factory("left", 1), factory("right", 2)));

    assertEquals(Set.of("m.f.LeftFactory", "m.f.RightFactory"), infos.keySet());
    assertEquals(ProviderOutcome.LOADED, infos.get("m.f.LeftFactory").outcome());
    assertEquals("m.f", infos.get("m.f.LeftFactory").moduleName());
    assertEquals(ProviderOutcome.LOADED, infos.get("m.f.RightFactory").outcome());
    assertEquals(List.of("m.f.LeftFactory", "m.f.RightFactory"), registered);
    assertEquals(List.of("left", "right"), called);
  }

  @Test
  void anExcludedFactoryIsMatchedByItsClassAndNeverCalled() {
    Map<String, ProviderInfo> infos = discover(Set.of("m.f.LeftFactory"),
        List.of(provides("m.f", "m.f.LeftFactory", RecoveryHandlerProvider.class),
            provides("m.f", "m.f.RightFactory", RecoveryHandlerProvider.class)),
        loader(factory("left", 1), factory("right", 2)));

    assertEquals(ProviderOutcome.EXCLUDED, infos.get("m.f.LeftFactory").outcome());
    assertEquals(ProviderOutcome.LOADED, infos.get("m.f.RightFactory").outcome());
    assertEquals(List.of("right"), called);
  }

  @Test
  void factoriesOfTwoModulesWithOneExcludedAreNeitherCalled() {
    // ServiceLoader's order across modules is unspecified and both report the SPI type: calling
    // either might call the excluded one.
    Map<String, ProviderInfo> infos = discover(Set.of("b.Factory"),
        List.of(provides("a", "a.Factory", RecoveryHandlerProvider.class),
            provides("b", "b.Factory", RecoveryHandlerProvider.class)),
        loader(factory("one", 1), factory("two", 2)));

    assertEquals(ProviderOutcome.EXCLUDED, infos.get("b.Factory").outcome());
    ProviderInfo other = infos.get("a.Factory");
    assertEquals(ProviderOutcome.FAILED, other.outcome());
    assertTrue(other.cause().orElseThrow().getMessage().contains("its own return type"));
    assertEquals(List.of(), called);
  }

  @Test
  void factoriesOfTwoModulesWithNoneExcludedAllLoad() {
    Map<String, ProviderInfo> infos = discover(Set.of(),
        List.of(provides("a", "a.Factory", RecoveryHandlerProvider.class),
            provides("b", "b.Factory", RecoveryHandlerProvider.class)),
        loader(factory("one", 1), factory("two", 2)));

    assertEquals(ProviderOutcome.LOADED, infos.get("a.Factory").outcome());
    assertEquals(ProviderOutcome.LOADED, infos.get("b.Factory").outcome());
    assertEquals(2, registry.size());
  }

  @Test
  void lookAlikesAreCalledInTheLoadersOrderAndAFailedOneIsNamedByElimination() {
    // The loader yields this module's factory first, the other module's (which throws) second,
    // against declaration order: the instance's module names the first, the one name left the
    // second.
    String own = ProviderNamingTest.class.getModule().getName();
    IllegalStateException boom = new IllegalStateException("boom");
    ServiceLoader.Provider<RecoveryHandlerProvider> throwing = new ServiceLoader.Provider<>() {
      @Override
      public Class<? extends RecoveryHandlerProvider> type() {
        return RecoveryHandlerProvider.class;
      }

      @Override
      public RecoveryHandlerProvider get() {
        called.add("throwing");
        throw boom;
      }
    };
    Map<String, ProviderInfo> infos = discover(Set.of(),
        List.of(provides("a.other", "a.other.Factory", RecoveryHandlerProvider.class),
            provides(own, own + ".Factory", RecoveryHandlerProvider.class)),
        loader(factory("own", 1), throwing));

    assertEquals(List.of("own", "throwing"), called);
    assertEquals(ProviderOutcome.LOADED, infos.get(own + ".Factory").outcome());
    assertEquals(own, infos.get(own + ".Factory").moduleName());
    assertEquals(List.of(own + ".Factory"), registered);
    ProviderInfo other = infos.get("a.other.Factory");
    assertEquals(ProviderOutcome.FAILED, other.outcome());
    assertEquals("a.other", other.moduleName());
    assertSame(boom, other.cause().orElseThrow());
  }

  @Test
  void failuresCarryTheConfiguredClassNameWhateverTheMessageSays() {
    ServiceConfigurationError noCtor = jdkError(
        "rt.noctor.NoCtorProvider Unable to get public no-arg constructor");
    ServiceConfigurationError notSub = jdkError("rt.notsub.NotAProvider not a subtype");
    ServiceConfigurationError notFound = jdkError("Provider rt.gone.Gone not found");
    Map<String, ProviderInfo> infos = discover(Set.of(),
        List.of(classPath("rt.noctor.NoCtorProvider", 1), classPath("rt.notsub.NotAProvider", 2),
            classPath("rt.gone.Gone", 3)),
        loader(noCtor, notSub, notFound));

    assertEquals(new ProviderInfo("rt.noctor.NoCtorProvider", "unnamed", ProviderOutcome.FAILED,
        Optional.of(noCtor)), infos.get("rt.noctor.NoCtorProvider"));
    assertSame(notSub, infos.get("rt.notsub.NotAProvider").cause().orElseThrow());
    assertSame(notFound, infos.get("rt.gone.Gone").cause().orElseThrow());
    assertEquals(3, infos.size());
  }

  @Test
  void anErrorNamingNoProviderGoesToTheOneConfiguredNameLeftWithoutAResult() {
    ServiceConfigurationError anonymous = jdkError("Unable to get public provider() method");
    Map<String, ProviderInfo> infos = discover(Set.of(),
        List.of(provides("m", "m.Broken", null)), loader(anonymous));

    assertEquals(new ProviderInfo("m.Broken", "m", ProviderOutcome.FAILED, Optional.of(anonymous)),
        infos.get("m.Broken"));
  }

  @Test
  void anErrorNamingNoConfiguredProviderIsUnknownInAnUnknownModule() {
    ServiceConfigurationError io = jdkError("Error reading configuration file");
    Map<String, ProviderInfo> infos = discover(Set.of(), List.of(), loader(io));

    assertEquals(new ProviderInfo("<unknown>", "unknown", ProviderOutcome.FAILED, Optional.of(io)),
        infos.get("<unknown>"));
  }

  @Test
  void aSyntaxErrorIsTiedToItsServicesFileLine() {
    ServicesEntry bad = classPath("rt.a.B c.D", 4);
    ServiceConfigurationError syntax = jdkError(
        bad.location() + ": Illegal configuration-file syntax");
    assertSame(syntax, discover(Set.of(), List.of(classPath("rt.ok.Fine", 3), bad),
        loader(syntax)).get("rt.a.B c.D").cause().orElseThrow());
  }

  @Test
  void anExcludedProviderThatCannotBeLoadedIsExcludedNotFailed() {
    Map<String, ProviderInfo> infos = discover(Set.of("rt.noctor.NoCtorProvider"),
        List.of(classPath("rt.noctor.NoCtorProvider", 1)),
        loader(jdkError("rt.noctor.NoCtorProvider Unable to get public no-arg constructor")));

    assertEquals(new ProviderInfo("rt.noctor.NoCtorProvider", "unnamed", ProviderOutcome.EXCLUDED,
        Optional.empty()), infos.get("rt.noctor.NoCtorProvider"));
  }

  @Test
  void aMissingProviderReportedAgainByTheClassPathPassIsOneProvider() {
    // On the module path ServiceLoader's class-path pass reads named modules' services files too.
    Map<String, ProviderInfo> infos = discover(Set.of("m.x.Missing"),
        List.of(new ServicesEntry("m.x.Missing", "m.x", Kind.PROVIDES, null, "module m.x")),
        loader(jdkError("Provider m.x.Missing not found"),
            jdkError("Provider m.x.Missing not found")));

    assertEquals(Map.of("m.x.Missing", new ProviderInfo("m.x.Missing", "m.x",
        ProviderOutcome.EXCLUDED, Optional.empty())), infos);
  }

  @Test
  void excludedNamesAreTrimmedAndBlankOnesIgnored() {
    Map<String, ProviderInfo> infos = discover(Set.of(" m.f.LeftFactory\t", " "),
        List.of(provides("m.f", "m.f.LeftFactory", RecoveryHandlerProvider.class)),
        loader(factory("left", 1)));

    assertEquals(ProviderOutcome.EXCLUDED, infos.get("m.f.LeftFactory").outcome());
    assertEquals(List.of(), called);
  }

  @Test
  void aNameListedInAModulesServicesFileButNotProvidedFailsWithTheFix() {
    ServicesEntry forgotten = new ServicesEntry("m.s.Forgotten", "m.s",
        Kind.SERVICES_WITHOUT_PROVIDES, null, "module m.s");
    Map<String, ProviderInfo> infos = discover(Set.of(), List.of(forgotten), loader());

    ProviderInfo info = infos.get("m.s.Forgotten");
    assertEquals(ProviderOutcome.FAILED, info.outcome());
    assertEquals("m.s", info.moduleName());
    Throwable cause = info.cause().orElseThrow();
    assertInstanceOf(ServiceConfigurationError.class, cause);
    assertTrue(cause.getMessage().contains(
        "provides meshos.api.spi.RecoveryHandlerProvider with m.s.Forgotten;"), cause::getMessage);
    assertNull(cause.getCause());
  }

  @Test
  void theMissingClassOfAServicesFileWithoutProvidesIsOneFailureWithItsError() {
    ServicesEntry missing = new ServicesEntry("m.s.Missing", "m.s",
        Kind.SERVICES_WITHOUT_PROVIDES, null, "module m.s");
    ServiceConfigurationError notFound = jdkError("Provider m.s.Missing not found");
    Map<String, ProviderInfo> infos = discover(Set.of(), List.of(missing), loader(notFound));

    assertEquals(1, infos.size());
    assertSame(notFound, infos.get("m.s.Missing").cause().orElseThrow().getCause());
  }

  @Test
  void aNameInAnErrorIsMatchedWholeNotAsAPrefix() {
    assertTrue(ProviderMatcher.containsName(SPI + ": a.B not a subtype", "a.B"));
    assertTrue(ProviderMatcher.containsName("public static X a.B.provider() return", "a.B"));
    assertTrue(!ProviderMatcher.containsName(SPI + ": a.BC not a subtype", "a.B"));
    assertTrue(!ProviderMatcher.containsName(SPI + ": x.a.B not a subtype", "a.B"));
    assertTrue(!ProviderMatcher.containsName(SPI + ": a.B$C not a subtype", "a.B"));
  }

  @Test
  void servicesFilesAreParsedAsServiceLoaderReadsThem() throws Exception {
    String file = "# header\n a.B \n\nc.D # trailing\n\t#only comment\n";
    assertEquals(List.of(new ServicesFiles.Line("a.B", 2), new ServicesFiles.Line("c.D", 4)),
        ServicesFiles.parse(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aProviderNoConfigurationNamesKeepsItsTypeName() {
    ServiceLoader.Provider<RecoveryHandlerProvider> plain = new ServiceLoader.Provider<>() {
      @Override
      public Class<? extends RecoveryHandlerProvider> type() {
        return RecoveryHandlerProvider.class;
      }

      @Override
      public RecoveryHandlerProvider get() {
        return c -> (RecoveryHandler) () -> new int[0];
      }
    };
    Map<String, ProviderInfo> infos = discover(Set.of(), List.of(), loader(plain));
    assertEquals("meshos.api", infos.get(SPI).moduleName());
  }
}
