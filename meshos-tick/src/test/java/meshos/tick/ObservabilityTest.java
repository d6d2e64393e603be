package meshos.tick;

import static meshos.tick.Handlers.NONE;
import static meshos.tick.Handlers.awaitCondition;
import static meshos.tick.Handlers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC "Observability": what stats(), reports and logs say, and on which thread logs happen. */
@Timeout(60)
class ObservabilityTest {

  /**
   * Finding 10: the WARNINGs of a tick (eviction, failing probe, throwing listener) are built and
   * logged on the log thread, never on the ticking thread.
   */
  @Test
  void logRecordsOfATickAreBuiltAndLoggedOffTheTickingThread() {
    RecordingLogger log = new RecordingLogger();
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("off-thread").manualTicks()
        .discoverProviders(false).logger(log)
        .addTickListener(r -> {
          throw new IllegalStateException("listener bug");
        }).build().start();
    try {
      runtime.recoveryRegistry().register(named("bad-handler", () -> {
        throw new IllegalStateException("handler bug");
      }));
      runtime.probeRegistry().addHealthProbe(() -> {
        throw new IllegalStateException("probe down");
      });
      String ticking = Thread.currentThread().getName();

      runtime.tick();

      awaitCondition(() -> log.contains("evicted recovery handler bad-handler")
          && log.contains("probe") && log.contains("tick listener"));
      assertTrue(log.entries.stream().noneMatch(e -> e.thread().equals(ticking)),
          log.entries::toString);
      assertTrue(log.entries.stream().filter(e -> e.level() == System.Logger.Level.WARNING)
          .allMatch(e -> e.thread().equals("meshos-log-off-thread")), log.entries::toString);
    } finally {
      runtime.close();
    }
  }

  @Test
  void statsCountTicksHandlersAndSlots() {
    MeshOsRuntime runtime = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .build().start();
    try {
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
      assertEquals(3, runtime.snapshot().tick());
    } finally {
      runtime.close();
    }
  }

  /**
   * Finding 11: handlersRun and handlerRuns count the calls that happened: a handler unregistered
   * by an earlier one before its turn is not called, and not counted; an evicted one is.
   */
  @Test
  void handlerRunsCountTheCallsThatHappenedNotTheRegistrySize() {
    MeshOsRuntime runtime = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .build().start();
    try {
      RecoveryHandler skipped = () -> NONE;
      runtime.recoveryRegistry().register(() -> {
        runtime.recoveryRegistry().unregister(skipped);
        return NONE;
      });
      runtime.recoveryRegistry().register(skipped);
      runtime.recoveryRegistry().register(() -> {
        throw new IllegalStateException("evicted after its call");
      });

      assertEquals(2, runtime.tick().handlersRun());
      assertEquals(1, runtime.tick().handlersRun());
      assertEquals(3, runtime.stats().handlerRuns());
    } finally {
      runtime.close();
    }
  }

  @Test
  void tickDurationsAreMeasuredOnTheRuntimeClock() {
    FakeClock clock = new FakeClock();
    MeshOsRuntime runtime = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .nanoClock(clock).tickBudget(Duration.ofHours(1)).build().start();
    try {
      RecoveryHandler slow = () -> {
        clock.advanceMillis(7);
        return NONE;
      };
      runtime.recoveryRegistry().register(slow);
      TickReport report = runtime.tick();
      assertEquals(Duration.ofMillis(7), report.duration());
      assertEquals(Duration.ofMillis(7), runtime.stats().maxTickDuration());
      assertEquals(List.of(), report.overrunCulprits());
    } finally {
      runtime.close();
    }
  }
}
