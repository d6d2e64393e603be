package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tick thread: it ticks, survives everything thrown at it, and only close() stops it. */
@Timeout(30)
class ThreadedRuntimeTest {

  @Test
  void theLoopSurvivesEveryKindOfFailureAndKeepsTicking() throws Exception {
    CountDownLatch fiveTicks = new CountDownLatch(5);
    List<String> threads = new CopyOnWriteArrayList<>();
    MeshOsRuntime runtime = MeshOsRuntime.builder()
        .name("survivor")
        .tickInterval(Duration.ofMillis(1))
        .discoverProviders(false)
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
    // Tick 1: the OutOfMemoryError evicts its handler and ends that pass (rule 6); the handlers
    // after it stay registered and run from tick 2 on.
    assertEquals(3 + 2 + (stats.ticks() - 2), stats.handlerRuns());
    assertEquals(stats.ticks() - 1, threads.size());
    assertEquals(1, stats.phaseFailures());
    assertEquals("meshos-tick-survivor", threads.get(0));
    assertEquals(RuntimeState.TERMINATED, runtime.state());
  }

  @Test
  void noTickStartsAfterCloseReturns() throws Exception {
    CountDownLatch ticked = new CountDownLatch(2);
    MeshOsRuntime runtime = MeshOsRuntime.builder().tickInterval(Duration.ofMillis(1))
        .discoverProviders(false).addTickListener(r -> ticked.countDown()).build().start();
    assertTrue(ticked.await(10, TimeUnit.SECONDS));
    runtime.close();
    long ticks = runtime.stats().ticks();
    // The loop thread has been joined: nothing can tick any more.
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertEquals(ticks, runtime.stats().ticks());
  }
}
