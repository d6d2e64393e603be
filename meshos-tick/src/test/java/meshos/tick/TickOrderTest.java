package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import meshos.probes.HealthSample;
import meshos.probes.NodeHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC "Tick order": poll → fold → pass → report, each phase guarded on its own, and nothing but
 * close() ends the loop. (Each single fault and what it costs: FaultMatrixTest.)
 */
@Timeout(60)
class TickOrderTest {

  @Test
  void aTickPollsProbesThenFoldsThenRunsHandlersThenPublishes() {
    List<String> events = new ArrayList<>();
    MeshOsRuntime ordered = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .addTickListener(r -> events.add("listener " + r.tick())).build().start();
    try {
      ordered.probeRegistry().addHealthProbe(() -> {
        events.add("probe");
        return List.of(new HealthSample(5, NodeHealth.HEALTHY));
      });
      ordered.recoveryRegistry().register(() -> {
        events.add("handler sees tick " + ordered.snapshot().tick() + " health "
            + ordered.snapshot().healthOf(5).orElseThrow());
        return new int[] {2};
      });

      TickReport report = ordered.tick();

      assertEquals(List.of("probe", "handler sees tick 1 health HEALTHY", "listener 1"), events);
      assertEquals(1, report.tick());
      assertArrayEquals(new int[] {2}, report.recoveredSlots());
      assertEquals(1, report.handlersRun());
    } finally {
      ordered.close();
    }
  }

  @Test
  void theLoopSurvivesEveryKindOfFailureAndKeepsTicking() throws Exception {
    CountDownLatch fiveTicks = new CountDownLatch(5);
    List<String> threads = new CopyOnWriteArrayList<>();
    MeshOsRuntime runtime = MeshOsRuntime.builder()
        .name("survivor")
        .tickInterval(Duration.ofMillis(1))
        .discoverProviders(false)
        .logger(new RecordingLogger())
        .addTickListener(r -> {
          throw new Error("listener error");
        })
        .addTickListener(r -> fiveTicks.countDown())
        .build();
    runtime.probeRegistry().addLocalityProbe(() -> {
      throw new StackOverflowError("probe");
    });
    runtime.recoveryRegistry().register(() -> {
      throw new OutOfMemoryError("simulated");
    });
    runtime.recoveryRegistry().register(() -> {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("and interrupted");
    });
    runtime.recoveryRegistry().register(() -> {
      threads.add(Thread.currentThread().getName());
      return new int[] {1};
    });
    try {
      runtime.start();
      assertTrue(fiveTicks.await(20, TimeUnit.SECONDS));
    } finally {
      runtime.close();
    }
    RuntimeStats stats = runtime.stats();
    assertTrue(stats.ticks() >= 5);
    assertEquals(2, stats.evictions());
    assertEquals(stats.ticks(), stats.listenerFailures());
    assertEquals(stats.ticks(), stats.probeFailures());
    // Tick 1: the OutOfMemoryError evicts its handler and ends that pass (rule 6) after one call;
    // the handlers after it stay registered and run from tick 2 on (the second is evicted there).
    assertEquals(1 + 2 + (stats.ticks() - 2), stats.handlerRuns());
    assertEquals(stats.ticks() - 1, threads.size());
    assertEquals(1, stats.phaseFailures());
    assertEquals("meshos-tick-survivor", threads.get(0));
    assertEquals(RuntimeState.TERMINATED, runtime.state());
  }
}
