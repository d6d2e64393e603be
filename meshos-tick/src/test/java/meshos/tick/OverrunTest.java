package meshos.tick;

import static meshos.tick.Handlers.NONE;
import static meshos.tick.Handlers.awaitCondition;
import static meshos.tick.Handlers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A tick over its budget is reported with the handler (or phase) that made it late. The slow
 * handler or probe does not sleep: it holds the tick until the watchdog has sampled it.
 */
@Timeout(30)
class OverrunTest {
  /** Counted down by the watchdog each time it samples the slow handler. */
  private final CountDownLatch slowSampled = new CountDownLatch(3);
  private final MeshOsRuntime runtime = MeshOsRuntime.builder()
      .name("overrun")
      .manualTicks()
      .discoverProviders(false)
      .tickBudget(Duration.ofMillis(5))
      .watchdogSamples(name -> {
        if (name.contains("SlowHandler")) {
          slowSampled.countDown();
        }
      })
      .build();

  @AfterEach
  void close() {
    runtime.close();
  }

  /** Holds its tick until the watchdog has sampled it three times. */
  private final class SlowHandler implements RecoveryHandler {
    @Override
    public int[] recover() {
      try {
        assertTrue(slowSampled.await(20, TimeUnit.SECONDS), "the watchdog never sampled");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return NONE;
    }
  }

  @Test
  void aTickOverItsBudgetNamesTheHandlerThatWasRunning() {
    RecoveryHandler slow = new SlowHandler();
    runtime.recoveryRegistry().register(named("quick-1", () -> NONE));
    runtime.recoveryRegistry().register(slow);
    runtime.recoveryRegistry().register(named("quick-2", () -> new int[] {1}));
    runtime.start();

    TickReport report = runtime.tick();

    assertTrue(report.overBudget());
    // Named by its code: the first frame below the registry's pass. (Which culprit ranks
    // first depends on how the machine stalled; TickWatchdogTest checks the ranking.)
    assertTrue(report.overrunCulprits().contains(SlowHandler.class.getName() + ".recover"),
        report.overrunCulprits()::toString);
    assertEquals(1, report.slotsRecovered(), "the tick ran to the end");
    assertEquals(1, runtime.stats().overruns(), "counted once for the late tick");
    assertEquals(report.overrunCulprits(), runtime.stats().lastOverrunCulprits());
    // Whether a later, fast tick fits a 5 ms budget depends on the machine: see
    // onTimeTicksAreNotReported for ticks within budget.
  }

  @Test
  void aSlowProbeIsNamedByItsPhase() {
    runtime.probeRegistry().addHealthProbe(() -> {
      // The phase is "probe poll" from before the watchdog sees the tick until the probe returns.
      awaitCondition(() -> runtime.stats().overruns() > 0);
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
