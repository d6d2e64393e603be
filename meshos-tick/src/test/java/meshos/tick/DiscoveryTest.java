package meshos.tick;

import static meshos.tick.Handlers.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC "Discovery", the runtime's side: what start() does with what discovery finds. (Discovery
 * itself: internal.ProviderDiscoveryTest, and meshos-it with real jars.)
 */
@Timeout(60)
class DiscoveryTest {

  @Test
  void discoveredHandlersRunFromTheFirstTickAndAreNamedByTheirProvider() {
    AtomicReference<RecoveryContext> context = new AtomicReference<>();
    RecoveryHandler bad = () -> {
      throw new IllegalStateException("provider's handler bug");
    };
    ProviderInfo info = new ProviderInfo("com.example.BadProvider", "com.example",
        ProviderOutcome.LOADED, Optional.empty());
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("discovered").manualTicks()
        .logger(new RecordingLogger())
        .discoverer((ctx, register) -> {
          context.set(ctx);
          register.accept(bad, "com.example.BadProvider");
          register.accept(() -> new int[] {7}, "com.example.GoodProvider");
          return List.of(info);
        }).build().start();
    try {
      assertEquals(List.of(info), runtime.providers());
      assertEquals(2, runtime.recoveryRegistry().size(), "registered before the first tick");
      TickReport first = runtime.tick();
      assertEquals(1, first.slotsRecovered());
      assertEquals("com.example.BadProvider", first.evictions().get(0).name());
      assertSame(bad, first.evictions().get(0).handler());
      assertTrue(context.get() instanceof MeshOsContext);
      assertEquals("discovered", context.get().runtimeName());
      context.get().registry().register(() -> NONE);
      assertEquals(2, runtime.recoveryRegistry().size(), "the context registers with the runtime");
    } finally {
      runtime.close();
    }
  }

  @Test
  void switchedOffDiscoveryFindsNothing() {
    MeshOsRuntime runtime = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .build().start();
    try {
      assertEquals(List.of(), runtime.providers());
      assertEquals(0, runtime.recoveryRegistry().size());
    } finally {
      runtime.close();
    }
  }

  @Test
  void excludedProviderNamesAreTrimmedLikeTheSystemPropertys() {
    MeshOsRuntime runtime = MeshOsRuntime.builder().excludeProviders(" a.B ", "", "\tc.D")
        .manualTicks().build();
    assertEquals(Set.of("a.B", "c.D"), runtime.control().config().excludedProviders());
  }
}
