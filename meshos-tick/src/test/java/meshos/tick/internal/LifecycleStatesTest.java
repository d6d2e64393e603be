package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import meshos.tick.RuntimeState;
import org.junit.jupiter.api.Test;

/** The runtime's state machine on its own: every transition, and who may terminate. */
class LifecycleStatesTest {
  private final Lifecycle lifecycle = new Lifecycle("rt");

  @Test
  void newThenRunningThenStoppingThenTerminated() {
    assertEquals(RuntimeState.NEW, lifecycle.state());
    assertFalse(lifecycle.isRunning());
    assertFalse(lifecycle.stopRequested());

    lifecycle.start();
    assertEquals(RuntimeState.RUNNING, lifecycle.state());
    assertTrue(lifecycle.isRunning());
    assertFalse(lifecycle.stopRequested());
    assertFalse(lifecycle.claimTermination(), "no stop requested yet");

    assertEquals(RuntimeState.RUNNING, lifecycle.requestStop(), "the state before");
    assertEquals(RuntimeState.STOPPING, lifecycle.state());
    assertFalse(lifecycle.isRunning());
    assertTrue(lifecycle.stopRequested());
    assertEquals(RuntimeState.STOPPING, lifecycle.requestStop(), "no effect");

    assertTrue(lifecycle.claimTermination());
    assertFalse(lifecycle.claimTermination(), "exactly one terminator");
    assertEquals(RuntimeState.STOPPING, lifecycle.state(), "until it has ended the termination");
    assertFalse(lifecycle.awaitTerminated(1_000_000L), "a bounded wait that times out");

    lifecycle.terminated();
    assertEquals(RuntimeState.TERMINATED, lifecycle.state());
    assertTrue(lifecycle.stopRequested());
    assertFalse(lifecycle.isRunning());
    assertEquals(RuntimeState.TERMINATED, lifecycle.requestStop());
    assertEquals(RuntimeState.TERMINATED, lifecycle.state());
    assertTrue(lifecycle.awaitTerminated(0));
    assertEquals("Lifecycle[rt, TERMINATED]", lifecycle.toString());
  }

  @Test
  void aStopBeforeStartIsClaimableAndStartThenFailsNamingTheState() {
    assertFalse(lifecycle.claimTermination(), "NEW: nothing to terminate");
    assertEquals(RuntimeState.NEW, lifecycle.requestStop());
    assertTrue(lifecycle.stopRequested());
    IllegalStateException e = assertThrows(IllegalStateException.class, lifecycle::start);
    assertEquals("runtime 'rt' cannot start: it is STOPPING", e.getMessage());
    assertTrue(lifecycle.claimTermination());
  }

  @Test
  void startTwiceFailsNamingTheState() {
    lifecycle.start();
    IllegalStateException e = assertThrows(IllegalStateException.class, lifecycle::start);
    assertEquals("runtime 'rt' cannot start: it is RUNNING", e.getMessage());
    assertEquals(RuntimeState.RUNNING, lifecycle.state());
  }

  @Test
  void aWaitingCloserIsReleasedByTheTermination() throws Exception {
    lifecycle.start();
    lifecycle.requestStop();
    ExecutorService closer = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch waiting = new CountDownLatch(1);
      Future<Boolean> waited = closer.submit(() -> {
        waiting.countDown();
        return lifecycle.awaitTerminated(TimeUnit.SECONDS.toNanos(10));
      });
      assertTrue(waiting.await(10, TimeUnit.SECONDS));
      assertTrue(lifecycle.claimTermination());
      lifecycle.terminated();
      assertTrue(waited.get(10, TimeUnit.SECONDS));
    } finally {
      closer.shutdownNow();
    }
  }
}
