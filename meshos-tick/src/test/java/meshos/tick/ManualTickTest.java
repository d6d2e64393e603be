package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import meshos.api.RecoveryHandler;
import meshos.probes.HealthProbe;
import meshos.probes.HealthSample;
import meshos.probes.NodeHealth;
import meshos.probes.ProbeKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The tick itself, driven by manual ticks: order, guards, report and stats. */
class ManualTickTest {
  private static final int[] NONE = new int[0];
  private final List<String> events = new ArrayList<>();
  private final List<TickReport> reports = new ArrayList<>();
  private final MeshOsRuntime runtime = MeshOsRuntime.builder()
      .name("manual")
      .manualTicks()
      .discoverProviders(false)
      .addTickListener(reports::add)
      .build()
      .start();

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void aTickPollsProbesThenFoldsThenRunsHandlersThenPublishes() {
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
      assertEquals(Duration.ZERO, report.lateness());
    } finally {
      ordered.close();
    }
  }

  @Test
  void aFailingProbeNeverSkipsTheHandlersAndIsReportedEveryTick() {
    IllegalStateException down = new IllegalStateException("probe down");
    HealthProbe failing = () -> {
      throw down;
    };
    runtime.probeRegistry().addHealthProbe(failing);
    runtime.recoveryRegistry().register(() -> new int[] {1});

    TickReport first = runtime.tick();
    TickReport second = runtime.tick();

    assertEquals(1, first.slotsRecovered());
    assertSame(down, first.probeFailures().get(0).cause());
    assertEquals(ProbeKind.HEALTH, second.probeFailures().get(0).kind());
    assertEquals(2, runtime.stats().probeFailures());
    assertEquals(1, runtime.probeRegistry().counts().health(), "kept");
  }

  @Test
  void evictionsAppearInTheReportAndTheStats() {
    IllegalArgumentException bug = new IllegalArgumentException("handler bug");
    RecoveryHandler bad = new RecoveryHandler() {
      @Override
      public int[] recover() {
        throw bug;
      }

      @Override
      public String toString() {
        return "bad-handler";
      }
    };
    runtime.recoveryRegistry().register(bad);
    runtime.recoveryRegistry().register(() -> new int[] {4});

    TickReport report = runtime.tick();

    assertEquals(List.of(new HandlerEviction(bad, "bad-handler", bug)), report.evictions());
    assertArrayEquals(new int[] {4}, report.recoveredSlots());
    assertEquals(1, runtime.stats().evictions());
    assertTrue(runtime.tick().evictions().isEmpty());
  }

  @Test
  void aFatalErrorRethrownByTheRegistryEndsOnlyThatPhase() {
    runtime.recoveryRegistry().register(() -> {
      throw new OutOfMemoryError("simulated");
    });
    runtime.recoveryRegistry().register(() -> new int[] {3});

    TickReport report = runtime.tick();

    assertEquals(1, report.evictions().size());
    assertEquals(1, runtime.stats().phaseFailures());
    assertEquals(1, reports.size(), "the listener still ran");
    assertArrayEquals(new int[] {3}, runtime.tick().recoveredSlots(), "next tick as usual");
  }

  @Test
  void aThrowingListenerIsCountedAndTheOthersStillRun() {
    TickListener broken = mock(TickListener.class);
    TickListener fine = mock(TickListener.class);
    doThrow(new AssertionError("listener bug")).when(broken).onTick(any());
    MeshOsRuntime r = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .addTickListener(broken).addTickListener(fine).build().start();
    try {
      r.tick();
      r.tick();
      InOrder order = inOrder(broken, fine);
      order.verify(broken).onTick(any());
      order.verify(fine).onTick(any());
      order.verify(broken).onTick(any());
      order.verify(fine).onTick(any());
      assertEquals(2, r.stats().listenerFailures());
    } finally {
      r.close();
    }
  }

  @Test
  void statsCountTicksHandlersAndSlots() {
    runtime.recoveryRegistry().register(() -> new int[] {1, 2});
    runtime.recoveryRegistry().register(() -> NONE);

    runtime.tick();
    runtime.tick();
    runtime.tick();

    RuntimeStats stats = runtime.stats();
    assertEquals(3, stats.ticks());
    assertEquals(6, stats.handlerRuns());
    assertEquals(6, stats.slotsRecovered());
    assertTrue(stats.maxTickDuration().compareTo(stats.lastTickDuration()) >= 0);
    assertEquals(List.of(1L, 2L, 3L), reports.stream().map(TickReport::tick).toList());
    assertEquals(3, runtime.snapshot().tick());
  }

  @Test
  void actionsOfferedByAHandlerRunOnTheActionThread() throws Exception {
    java.util.concurrent.CompletableFuture<String> ranOn =
        new java.util.concurrent.CompletableFuture<>();
    runtime.recoveryRegistry().register(() -> {
      runtime.actions().offer(() -> ranOn.complete(Thread.currentThread().getName()));
      return NONE;
    });
    runtime.tick();
    assertEquals("meshos-actions-manual",
        ranOn.get(10, java.util.concurrent.TimeUnit.SECONDS));
  }
}
