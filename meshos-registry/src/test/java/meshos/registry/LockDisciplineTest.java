package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rule 2: the lock is never held while a handler runs. */
@Timeout(30)
class LockDisciplineTest {
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  @Test
  void registerSizeAndUnregisterFromAnotherThreadReturnWhileAHandlerBlocks() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    registry.register(() -> {
      entered.countDown();
      await(release);
      return Slots.ints(1);
    });
    Future<int[]> pass = pool.submit(registry::tryRunAll);
    assertTrue(entered.await(10, TimeUnit.SECONDS));

    RecoveryHandler other = () -> Slots.NONE;
    // Each of these would block forever if the pass held the lock while the handler waits.
    Future<?> calls = pool.submit(() -> {
      assertEquals(2, registry.register(other));
      assertEquals(2, registry.size());
      assertFalse(registry.isEmpty());
      assertTrue(registry.unregister(other));
      assertEquals(1, registry.size());
    });
    calls.get(10, TimeUnit.SECONDS);
    assertFalse(pass.isDone(), "the handler is still blocked");

    release.countDown();
    assertArrayEquals(Slots.ints(1), pass.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aHandlerMayCallEveryMethodOfItsOwnRegistry() {
    List<Object> seen = new java.util.ArrayList<>();
    RecoveryHandler helper = () -> Slots.NONE;
    registry.register(() -> {
      seen.add(registry.register(helper));
      seen.add(registry.size());
      seen.add(registry.isEmpty());
      seen.add(registry.unregister(helper));
      seen.add(registry.tryRunAll().length);
      seen.add(registry.toString());
      return Slots.ints(3);
    });

    int[] slots = CompletableFuture.supplyAsync(registry::tryRunAll, pool).orTimeout(10, TimeUnit.SECONDS).join();

    assertArrayEquals(Slots.ints(3), slots);
    assertEquals(List.of(2, 2, false, true, 0, "LockingRecoveryRegistry[size=1]"), seen);
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
