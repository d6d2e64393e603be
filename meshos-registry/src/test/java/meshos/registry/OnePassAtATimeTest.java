package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rule 5: one pass at a time; nothing runs twice or concurrently with itself. */
@Timeout(60)
class OnePassAtATimeTest {
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  @Test
  void tryRunAllFromAnotherThreadDuringAPassRunsNothingAndReturnsAtOnce() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    registry.register(() -> {
      runs.incrementAndGet();
      entered.countDown();
      LockDisciplineTest.await(release);
      return Slots.ints(5);
    });
    Future<int[]> first = pool.submit(registry::tryRunAll);
    assertTrue(entered.await(10, TimeUnit.SECONDS));

    int[] second = pool.submit(registry::tryRunAll).get(10, TimeUnit.SECONDS);

    assertEquals(0, second.length);
    release.countDown();
    assertArrayEquals(Slots.ints(5), first.get(10, TimeUnit.SECONDS));
    assertEquals(1, runs.get());
  }

  @Test
  void nestedTryRunAllFromAHandlerRunsNothing() {
    List<Integer> nested = new ArrayList<>();
    AtomicInteger runs = new AtomicInteger();
    registry.register(() -> {
      runs.incrementAndGet();
      nested.add(registry.tryRunAll().length);
      return Slots.ints(1);
    });

    assertArrayEquals(Slots.ints(1), registry.tryRunAll());
    assertEquals(List.of(0), nested);
    assertEquals(1, runs.get());
  }

  /**
   * With handlers registered during the pass (so that there is something a second pass could run),
   * a nested {@code tryRunAll} and one from another thread both run nothing.
   */
  @Test
  void tryRunAllDuringAPassRunsNothingEvenWithHandlersRegisteredDuringThePass() throws Exception {
    AtomicInteger lateRuns = new AtomicInteger();
    int[][] seen = new int[2][];
    registry.register(() -> {
      registry.register(() -> {
        lateRuns.incrementAndGet();
        return Slots.ints(7);
      });
      seen[0] = registry.tryRunAll();
      try {
        seen[1] = pool.submit(registry::tryRunAll).get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      return Slots.ints(1);
    });

    assertArrayEquals(Slots.ints(1), registry.tryRunAll());

    assertArrayEquals(Slots.NONE, seen[0], "nested tryRunAll");
    assertArrayEquals(Slots.NONE, seen[1], "tryRunAll from another thread");
    assertEquals(0, lateRuns.get(), "the handler registered during the pass has not run");
    assertEquals(2, registry.size());
  }

  @Test
  void concurrentPassesNeverRunAHandlerConcurrentlyWithItselfOrTwiceInOnePass() throws Exception {
    int handlers = 64;
    int threads = 4;
    int passesPerThread = 2_000;
    AtomicIntegerArray inFlight = new AtomicIntegerArray(handlers);
    AtomicIntegerArray runs = new AtomicIntegerArray(handlers);
    AtomicInteger violations = new AtomicInteger();
    for (int i = 0; i < handlers; i++) {
      int id = i;
      registry.register(() -> {
        if (inFlight.incrementAndGet(id) != 1) {
          violations.incrementAndGet();
        }
        runs.incrementAndGet(id);
        inFlight.decrementAndGet(id);
        return Slots.ints(id);
      });
    }
    CyclicBarrier start = new CyclicBarrier(threads);
    List<Future<Integer>> slotsSeen = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      slotsSeen.add(pool.submit(() -> {
        start.await();
        int total = 0;
        for (int p = 0; p < passesPerThread; p++) {
          int[] slots = registry.tryRunAll();
          if (slots.length != 0 && slots.length != handlers) {
            violations.incrementAndGet();
          }
          total += slots.length;
        }
        return total;
      }));
    }
    int reported = 0;
    for (Future<Integer> f : slotsSeen) {
      reported += f.get(60, TimeUnit.SECONDS);
    }

    assertEquals(0, violations.get());
    int completedPasses = reported / handlers;
    for (int i = 0; i < handlers; i++) {
      assertEquals(completedPasses, runs.get(i), "handler " + i + " ran once per completed pass");
    }
  }

  @Test
  void aPassOverAnEmptyRegistryReturnsTheSharedEmptyArray() {
    assertSame(registry.tryRunAll(), registry.tryRunAll());
  }
}
