package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Who finishes a stop that close() only requested (an action, the tick thread): nobody else calls
 * close(), and the runtime still terminates, its threads gone. And two supervision paths of the
 * tick hooks: the end of a tick, and the evictions of a tick under overrun enforcement.
 */
@Timeout(60)
class StopPathsTest {
  private static final int[] NONE = new int[0];

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertTrue(latch.await(10, TimeUnit.SECONDS), "latch not released within 10 s");
  }

  @Test
  void closeFromAnActionOfAManualRuntimeTerminatesItWithoutAnotherTickOrClose() throws Exception {
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("stop-by-action").manualTicks()
        .discoverProviders(false).build();
    runtime.start();
    CountDownLatch closed = new CountDownLatch(1);
    assertTrue(runtime.actions().offer(() -> {
      runtime.close();
      closed.countDown();
    }));
    await(closed);

    assertEquals(List.of(), RuntimeThreads.awaitGone("stop-by-action"));
    assertEquals(RuntimeState.TERMINATED, runtime.state());
  }

  @Test
  void closeFromTheTickThreadTerminatesTheRuntimeWhenTheLoopEnds() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    MeshOsRuntime[] holder = new MeshOsRuntime[1];
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("stop-by-tick")
        .tickInterval(Duration.ofMillis(1)).discoverProviders(false).build();
    holder[0] = runtime;
    runtime.recoveryRegistry().register(() -> {
      holder[0].close();
      closed.countDown();
      return NONE;
    });
    runtime.start();
    await(closed);

    assertEquals(List.of(), RuntimeThreads.awaitGone("stop-by-tick"));
    assertEquals(RuntimeState.TERMINATED, runtime.state());
  }

  @Test
  void aHandlerUnregisteredBetweenTicksAndRegisteredAgainIsStillQuarantinedWhenItFails() {
    FakeClock clock = new FakeClock();
    MeshOsRuntime runtime = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .nanoClock(clock)
        .supervision(Supervision.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .build();
    boolean[] fail = {false};
    RecoveryHandler h = () -> {
      if (fail[0]) {
        throw new IllegalStateException("fails now");
      }
      return NONE;
    };
    runtime.recoveryRegistry().register(h);
    runtime.start();
    try {
      runtime.tick();
      assertTrue(runtime.recoveryRegistry().unregister(h)); // between ticks
      runtime.recoveryRegistry().register(h);
      fail[0] = true;

      TickReport report = runtime.tick();

      assertEquals(1, report.evictions().size());
      assertEquals(1, runtime.quarantine().size(), "quarantined, not evicted for good");
    } finally {
      runtime.close();
    }
  }

  @Test
  void underOverrunEnforcementATicksEvictionsAreStillReported() {
    MeshOsRuntime runtime = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .evictOverrunningHandlers(3).build();
    IllegalStateException cause = new IllegalStateException("boom");
    runtime.recoveryRegistry().register(() -> {
      throw cause;
    });
    runtime.start();
    try {
      TickReport report = runtime.tick();
      assertEquals(1, report.evictions().size());
      assertSame(cause, report.evictions().get(0).cause());
      assertEquals(1, runtime.stats().evictions());
    } finally {
      runtime.close();
    }
  }
}
