package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rules 6 and 9 (SPEC 0.2): the slots reported are the ones that were checked. A handler that keeps
 * writing into the array it returned can never put a negative index into the caller's result.
 */
@Timeout(60)
class MutatedResultTest {
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

  private final AtomicInteger evictions = new AtomicInteger();
  private final LockingRecoveryRegistry registry =
      new LockingRecoveryRegistry((h, c) -> evictions.incrementAndGet());
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  @Test
  void aLaterHandlerWritingIntoAnEarlierHandlersArrayDoesNotChangeTheResult() {
    int[] shared = Slots.ints(4, 5);
    registry.register(() -> shared);
    registry.register(() -> {
      shared[0] = -1;
      return Slots.NONE;
    });

    assertArrayEquals(Slots.ints(4, 5), registry.tryRunAll());
    assertEquals(0, evictions.get());
  }

  /**
   * Another thread flips the first slot of a long array between 0 and -1 while passes run: each
   * pass either evicts the handler (it saw -1) or reports 0, never -1. Checking the array before
   * copying it lets a -1 written between the check and the copy through within a few thousand
   * passes; the time bound only ends the search when the registry is right.
   */
  @Test
  void aHandlerWritingIntoItsArrayFromAnotherThreadNeverLeaksANegativeIndex() throws Exception {
    int[] slots = new int[16_384];
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch flipping = new CountDownLatch(1);
    Future<?> mutator = pool.submit(() -> {
      flipping.countDown();
      while (!stop.get()) {
        INTS.setVolatile(slots, 0, -1);
        spin();
        INTS.setVolatile(slots, 0, 0);
        spin();
      }
    });
    assertTrue(flipping.await(10, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    int leaked = 0;
    int passes = 0;
    try {
      while (System.nanoTime() < deadline && leaked == 0) {
        if (registry.isEmpty()) {
          registry.register(() -> slots);
        }
        int[] result = registry.tryRunAll();
        if (result.length != 0 && result[0] < 0) {
          leaked++;
        }
        passes++;
      }
    } finally {
      stop.set(true);
    }
    mutator.get(10, TimeUnit.SECONDS);

    assertEquals(0, leaked, "a negative index reached the caller within " + passes + " passes");
    assertTrue(passes > 0);
  }

  private static void spin() {
    for (int i = 0; i < 64; i++) {
      Thread.onSpinWait();
    }
  }
}
