package meshos.tick;

import static meshos.tick.Handlers.NONE;
import static meshos.tick.Handlers.awaitCondition;
import static meshos.tick.Handlers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tick over its budget is reported with the handler (or phase) that made it late. The slow
 * handler or probe does not sleep: it holds the tick until the watchdog has detected the overrun.
 */
@Timeout(30)
class OverrunTest {
  private final MeshOsRuntime runtime = MeshOsRuntime.builder()
      .name("overrun")
      .manualTicks()
      .discoverProviders(false)
      .tickBudget(Duration.ofMillis(5))
      .build();

  @AfterEach
  void close() {
    runtime.close();
  }

  private int[] holdUntilOverrunDetected() {
    long before = runtime.stats().overruns();
    awaitCondition(() -> runtime.stats().overruns() > before);
    return NONE;
  }

  @Test
  void aTickOverItsBudgetNamesTheHandlerThatWasRunning() {
    RecoveryHandler slow = named("slowpoke", this::holdUntilOverrunDetected);
    runtime.recoveryRegistry().register(named("quick-1", () -> NONE));
    runtime.recoveryRegistry().register(slow);
    runtime.recoveryRegistry().register(named("quick-2", () -> new int[] {1}));
    runtime.start();

    TickReport report = runtime.tick();

    assertTrue(report.overBudget());
    assertEquals("slowpoke", report.overrunCulprits().get(0));
    assertEquals(1, report.slotsRecovered(), "the tick ran to the end");
    assertEquals(1, runtime.stats().overruns());
    assertEquals("slowpoke", runtime.stats().lastOverrunCulprits().get(0));

    runtime.recoveryRegistry().unregister(slow);
    TickReport next = runtime.tick();
    assertFalse(next.overBudget());
    assertEquals(List.of(), next.overrunCulprits());
    assertEquals(1, runtime.stats().overruns(), "counted once per late tick");
  }

  @Test
  void aSlowProbeIsNamedByItsPhase() {
    runtime.probeRegistry().addHealthProbe(() -> {
      holdUntilOverrunDetected();
      return List.of();
    });
    runtime.start();

    TickReport report = runtime.tick();

    assertTrue(report.overBudget());
    assertEquals("probe poll", report.overrunCulprits().get(0));
  }

  @Test
  void onTimeTicksAreNotReported() {
    runtime.recoveryRegistry().register(() -> NONE);
    runtime.start();
    MeshOsRuntime generous = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .tickBudget(Duration.ofSeconds(30)).build().start();
    try {
      generous.recoveryRegistry().register(() -> NONE);
      for (int i = 0; i < 5; i++) {
        assertFalse(generous.tick().overBudget());
      }
      assertEquals(0, generous.stats().overruns());
    } finally {
      generous.close();
    }
  }
}
