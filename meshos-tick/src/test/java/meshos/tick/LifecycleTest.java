package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** NEW → RUNNING → STOPPING → TERMINATED, and the errors for calls in the wrong state. */
@Timeout(30)
class LifecycleTest {
  private static MeshOsRuntime.Builder manual() {
    return MeshOsRuntime.builder().manualTicks().discoverProviders(false);
  }

  @Test
  void statesFollowTheLifecycle() {
    MeshOsRuntime runtime = manual().build();
    assertEquals(RuntimeState.NEW, runtime.state());
    runtime.start();
    assertEquals(RuntimeState.RUNNING, runtime.state());
    runtime.close();
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    runtime.close();
    assertEquals(RuntimeState.TERMINATED, runtime.state(), "close is idempotent");
  }

  @Test
  void startTwiceIsAnIllegalStateNamingTheState() {
    MeshOsRuntime runtime = manual().name("twice").build().start();
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class, runtime::start);
      assertTrue(e.getMessage().contains("RUNNING"), e.getMessage());
    } finally {
      runtime.close();
    }
    assertThrows(IllegalStateException.class, runtime::start);
  }

  @Test
  void tickBeforeStartAfterCloseOrOnAThreadedRuntimeIsAnIllegalState() {
    MeshOsRuntime runtime = manual().build();
    assertTrue(assertThrows(IllegalStateException.class, runtime::tick).getMessage()
        .contains("NEW"));
    runtime.start();
    runtime.close();
    assertTrue(assertThrows(IllegalStateException.class, runtime::tick).getMessage()
        .contains("TERMINATED"));

    MeshOsRuntime threaded = MeshOsRuntime.builder().discoverProviders(false).build();
    assertTrue(assertThrows(IllegalStateException.class, threaded::tick).getMessage()
        .contains("manualTicks"));
  }

  @Test
  void closingANewRuntimeTerminatesItWithoutStarting() {
    MeshOsRuntime runtime = manual().build();
    runtime.close();
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertThrows(IllegalStateException.class, runtime::start);
  }

  @Test
  void closeFromInsideAManualTickOnlyRequestsTheStop() {
    MeshOsRuntime runtime = manual().build().start();
    List<RuntimeState> seen = new ArrayList<>();
    runtime.recoveryRegistry().register(() -> {
      runtime.close();
      seen.add(runtime.state());
      return new int[] {1};
    });
    runtime.recoveryRegistry().register(() -> new int[] {2});

    TickReport report = runtime.tick();

    assertEquals(List.of(RuntimeState.STOPPING), seen);
    assertEquals(2, report.slotsRecovered(), "the tick finished");
    assertEquals(RuntimeState.TERMINATED, runtime.state());
  }

  @Test
  void closeFromTheTickThreadOnlyRequestsTheStopAndTheLoopEnds() throws Exception {
    CountDownLatch closedInside = new CountDownLatch(1);
    List<String> threadNames = new ArrayList<>();
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("self-close")
        .tickInterval(Duration.ofMillis(1)).discoverProviders(false).build();
    runtime.recoveryRegistry().register(() -> {
      threadNames.add(Thread.currentThread().getName());
      runtime.close(); // must not join its own thread
      closedInside.countDown();
      return new int[0];
    });
    runtime.start();
    assertTrue(closedInside.await(10, TimeUnit.SECONDS));

    runtime.close(); // waits for the loop to end

    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertEquals(List.of("meshos-tick-self-close"), threadNames, "exactly one tick ran");
    assertEquals(1, runtime.stats().ticks());
  }

  @Test
  void closeRunsQueuedActionsBeforeTerminating() {
    MeshOsRuntime runtime = manual().build().start();
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      assertTrue(runtime.actions().offer(() -> ran.add("a" + n)));
    }
    runtime.close();
    assertEquals(10, ran.size());
    assertEquals(0, runtime.stats().actionsAbandoned());
    assertEquals(10, runtime.stats().actionsRun());
    assertEquals(false, runtime.actions().offer(() -> ran.add("late")));
    assertEquals(1, runtime.stats().actionsDropped());
  }

  @Test
  void closeAbandonsActionsThatCannotRunWithinTheShutdownTimeout() {
    MeshOsRuntime runtime = manual().shutdownTimeout(Duration.ofMillis(50)).build().start();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    runtime.actions().offer(() -> {
      running.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    runtime.actions().offer(() -> { });
    try {
      assertTrue(running.await(10, TimeUnit.SECONDS));
      runtime.close();
      assertEquals(1, runtime.stats().actionsAbandoned());
      assertEquals(RuntimeState.TERMINATED, runtime.state());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      release.countDown();
    }
  }
}
