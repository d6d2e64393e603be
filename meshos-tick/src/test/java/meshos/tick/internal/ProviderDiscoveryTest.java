package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import meshos.api.ActionQueue;
import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.ProviderInfo;
import meshos.tick.ProviderOutcome;
import org.junit.jupiter.api.Test;

/** Discovery logic against fake {@link ServiceLoader.Provider}s; the real loader is in meshos-it. */
class ProviderDiscoveryTest {
  private static final int[] NONE = new int[0];
  private static final List<String> instantiated = new ArrayList<>();

  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry();
  private final ActionQueue actions = a -> false;
  private final RecoveryContext context = new RuntimeContext(registry, actions, "node-1",
      meshos.probes.PeerSnapshot::empty, new meshos.probes.ProbeRegistry());
  private final List<String> registered = new ArrayList<>();

  /** Providers named to sort in a known order. */
  public static final class BProvider implements RecoveryHandlerProvider {
    @Override
    public RecoveryHandler create(RecoveryContext context) {
      return () -> NONE;
    }
  }

  public static final class AProvider implements RecoveryHandlerProvider {
    @Override
    public RecoveryHandler create(RecoveryContext context) {
      return () -> NONE;
    }
  }

  public static final class CreateThrows implements RecoveryHandlerProvider {
    @Override
    public RecoveryHandler create(RecoveryContext context) {
      throw new IllegalStateException("create failed");
    }
  }

  public static final class CreateReturnsNull implements RecoveryHandlerProvider {
    @Override
    public RecoveryHandler create(RecoveryContext context) {
      return null;
    }
  }

  public static final class Excluded implements RecoveryHandlerProvider {
    @Override
    public RecoveryHandler create(RecoveryContext context) {
      return () -> NONE;
    }
  }

  /** A ServiceLoader.Provider whose get() records instantiation. */
  private static ServiceLoader.Provider<RecoveryHandlerProvider> provider(
      Class<? extends RecoveryHandlerProvider> type, Supplier<RecoveryHandlerProvider> factory) {
    return new ServiceLoader.Provider<>() {
      @Override
      public Class<? extends RecoveryHandlerProvider> type() {
        return type;
      }

      @Override
      public RecoveryHandlerProvider get() {
        instantiated.add(type.getSimpleName());
        return factory.get();
      }
    };
  }

  private static ServiceLoader.Provider<RecoveryHandlerProvider> provider(
      Class<? extends RecoveryHandlerProvider> type) {
    return provider(type, () -> {
      try {
        return type.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new ServiceConfigurationError("cannot instantiate " + type, e);
      }
    });
  }

  private List<ProviderInfo> discover(Set<String> excluded, Iterator<
      ServiceLoader.Provider<RecoveryHandlerProvider>> providers) {
    return discover(excluded, List.of(), providers);
  }

  /** Discovery with {@code configured} as the configuration's names. */
  private List<ProviderInfo> discover(Set<String> excluded, List<ServicesEntry> configured,
      Iterator<ServiceLoader.Provider<RecoveryHandlerProvider>> providers) {
    instantiated.clear();
    return new ProviderDiscovery(excluded).discover(
        ServicesConfiguration.of(configured, Integer.MAX_VALUE), providers, context,
        (handler, name) -> {
          registered.add(name);
          registry.register(handler);
        });
  }

  @Test
  void providersLoadInClassNameOrderAndTheirHandlersAreRegistered() {
    List<ProviderInfo> infos = discover(Set.of(),
        List.of(provider(BProvider.class), provider(AProvider.class)).iterator());

    assertEquals(List.of(AProvider.class.getName(), BProvider.class.getName()), registered);
    assertEquals(2, registry.size());
    assertEquals(List.of(
        new ProviderInfo(AProvider.class.getName(), "meshos.tick", ProviderOutcome.LOADED,
            Optional.empty()),
        new ProviderInfo(BProvider.class.getName(), "meshos.tick", ProviderOutcome.LOADED,
            Optional.empty())), infos);
  }

  @Test
  void anExcludedProviderIsNeverInstantiated() {
    List<ProviderInfo> infos = discover(Set.of(Excluded.class.getName()),
        List.of(provider(Excluded.class), provider(AProvider.class)).iterator());

    assertEquals(List.of("AProvider"), instantiated);
    assertEquals(ProviderOutcome.EXCLUDED, infos.get(1).outcome());
    assertEquals(List.of(AProvider.class.getName()), registered);
  }

  @Test
  void failingProvidersAreReportedWithTheirCauseAndTheOthersStillLoad() {
    IllegalStateException ctorFailure = new IllegalStateException("constructor failed");
    ServiceConfigurationError wrapped = new ServiceConfigurationError("ctor", ctorFailure);
    List<ProviderInfo> infos = discover(Set.of(), List.of(
        provider(CreateThrows.class),
        provider(BProvider.class, () -> {
          throw wrapped;
        }),
        provider(CreateReturnsNull.class),
        provider(AProvider.class)).iterator());

    assertEquals(List.of(AProvider.class.getName()), registered);
    ProviderInfo ctor = find(infos, BProvider.class);
    assertEquals(ProviderOutcome.FAILED, ctor.outcome());
    assertSame(wrapped, ctor.cause().orElseThrow());
    assertEquals("create failed",
        find(infos, CreateThrows.class).cause().orElseThrow().getMessage());
    assertTrue(find(infos, CreateReturnsNull.class).cause().orElseThrow().getMessage()
        .contains("returned null"));
  }

  @Test
  void aProviderThatFailsToLoadIsReportedAndIterationContinues() {
    ServiceConfigurationError missing = new ServiceConfigurationError(
        "meshos.api.spi.RecoveryHandlerProvider: Provider com.example.Gone not found");
    Iterator<ServiceLoader.Provider<RecoveryHandlerProvider>> it = new Iterator<>() {
      int calls;

      @Override
      public boolean hasNext() {
        calls++;
        if (calls == 1) {
          throw missing;
        }
        return calls == 2;
      }

      @Override
      public ServiceLoader.Provider<RecoveryHandlerProvider> next() {
        if (calls != 2) {
          throw new NoSuchElementException();
        }
        return provider(AProvider.class);
      }
    };

    List<ProviderInfo> infos = discover(Set.of(), List.of(new ServicesEntry("com.example.Gone",
        "unnamed", ServicesEntry.Kind.CLASS_PATH, null, "file:/x.jar!/services:1")), it);

    assertEquals(List.of(AProvider.class.getName()), registered);
    ProviderInfo gone = infos.get(0);
    assertEquals(new ProviderInfo("com.example.Gone", "unnamed", ProviderOutcome.FAILED,
        Optional.of(missing)), gone);
  }

  @Test
  void theSameProviderTwiceLoadsOnce() {
    List<ProviderInfo> infos = discover(Set.of(),
        List.of(provider(AProvider.class), provider(AProvider.class)).iterator());
    assertEquals(1, registry.size());
    assertEquals(List.of(ProviderOutcome.LOADED, ProviderOutcome.DUPLICATE),
        infos.stream().map(ProviderInfo::outcome).toList());
  }

  @Test
  void theExcludeSystemPropertyIsACommaSeparatedList() {
    String old = System.getProperty(ProviderDiscovery.EXCLUDE_PROPERTY);
    try {
      System.setProperty(ProviderDiscovery.EXCLUDE_PROPERTY, " a.B , c.D,,");
      assertEquals(Set.of("a.B", "c.D"), ProviderDiscovery.excludedBySystemProperty());
    } finally {
      if (old == null) {
        System.clearProperty(ProviderDiscovery.EXCLUDE_PROPERTY);
      } else {
        System.setProperty(ProviderDiscovery.EXCLUDE_PROPERTY, old);
      }
    }
  }

  @Test
  void aFatalErrorFromAProviderIsRethrown() {
    OutOfMemoryError oom = new OutOfMemoryError("simulated");
    Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class,
        () -> discover(Set.of(), List.of(provider(AProvider.class, () -> {
          throw oom;
        })).iterator()));
    assertInstanceOf(OutOfMemoryError.class, thrown);
  }

  private static ProviderInfo find(List<ProviderInfo> infos, Class<?> type) {
    return infos.stream().filter(i -> i.className().equals(type.getName())).findFirst()
        .orElseThrow();
  }
}
