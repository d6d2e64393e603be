package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BoundedActionQueueTest {
  private final BoundedActionQueue queue = new BoundedActionQueue("meshos-actions-test", 3);
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch blocking = new CountDownLatch(1);

  @AfterEach
  void close() {
    release.countDown();
    queue.close(TimeUnit.SECONDS.toNanos(5));
  }

  private void block() {
    blocking.countDown();
    await(release);
    ran.add("blocker");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(20, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void actionsRunInFifoOrderOnTheNamedWorker() throws Exception {
    CountDownLatch done = new CountDownLatch(3);
    queue.start();
    for (String name : List.of("a", "b", "c")) {
      assertTrue(queue.offer(() -> {
        ran.add(name + "@" + Thread.currentThread().getName());
        done.countDown();
      }));
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(0, queue.close(TimeUnit.SECONDS.toNanos(10)));
    assertEquals(List.of("a@meshos-actions-test", "b@meshos-actions-test",
        "c@meshos-actions-test"), ran);
    assertEquals(3, queue.run());
  }

  @Test
  void aFullQueueRefusesWithoutBlockingAndCountsTheDrop() throws Exception {
    queue.start();
    queue.offer(this::block);
    await(blocking); // the worker holds the blocker; the queue itself is empty
    assertTrue(queue.offer(() -> ran.add("1")));
    assertTrue(queue.offer(() -> ran.add("2")));
    assertTrue(queue.offer(() -> ran.add("3")));

    assertFalse(queue.offer(() -> ran.add("dropped")));

    assertEquals(1, queue.dropped());
    release.countDown();
    assertEquals(0, queue.close(TimeUnit.SECONDS.toNanos(10)));
    assertEquals(List.of("blocker", "1", "2", "3"), ran);
  }

  @Test
  void aThrowingActionIsCountedAndTheWorkerGoesOn() throws Exception {
    CountDownLatch after = new CountDownLatch(1);
    queue.start();
    queue.offer(() -> {
      throw new IllegalStateException("action bug");
    });
    queue.offer(() -> {
      throw new StackOverflowError("deep");
    });
    queue.offer(after::countDown);
    assertTrue(after.await(10, TimeUnit.SECONDS));
    queue.close(TimeUnit.SECONDS.toNanos(10));
    assertEquals(2, queue.failed());
  }

  @Test
  void closeRunsWhatIsQueuedThenRefuses() {
    queue.start();
    queue.offer(() -> ran.add("queued"));
    assertEquals(0, queue.close(TimeUnit.SECONDS.toNanos(10)));
    assertEquals(List.of("queued"), ran);
    assertFalse(queue.offer(() -> ran.add("late")));
    assertEquals(1, queue.dropped());
  }

  @Test
  void closeAbandonsWhatCannotRunWithinTheTimeout() {
    queue.start();
    queue.offer(this::block);
    await(blocking);
    queue.offer(() -> ran.add("never"));
    queue.offer(() -> ran.add("never"));

    int abandoned = queue.close(TimeUnit.MILLISECONDS.toNanos(50));

    assertEquals(2, abandoned);
    release.countDown();
    assertFalse(ran.contains("never"));
  }

  /** Issue 16.3: an action that interrupts the worker does not pass the flag to the next one. */
  @Test
  void anActionsInterruptIsClearedBeforeTheNextActionStarts() throws Exception {
    List<Boolean> interrupted = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(3);
    queue.start();
    for (int i = 0; i < 3; i++) {
      queue.offer(() -> {
        interrupted.add(Thread.currentThread().isInterrupted());
        Thread.currentThread().interrupt();
        done.countDown();
      });
    }
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(false, false, false), interrupted);
  }

  @Test
  void aQueueNeverStartedDiscardsWhatIsQueuedWhenClosed() {
    queue.offer(() -> ran.add("never"));
    assertEquals(1, queue.close(TimeUnit.SECONDS.toNanos(10)));
    assertFalse(queue.offer(() -> ran.add("late")));
    assertEquals(List.of(), ran);
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new BoundedActionQueue("x", 0));
    NullPointerException e = assertThrows(NullPointerException.class, () -> queue.offer(null));
    assertEquals("action", e.getMessage());
  }
}
