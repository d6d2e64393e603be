package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 4 threads register 100,000 handlers while another runs passes back to back; no registration is
 * lost or doubled, and no pass runs a handler twice.
 */
@Timeout(60)
class RegistryStressTest {
  private static final int REGISTERING_THREADS = 4;
  private static final int PER_THREAD = 25_000;
  private static final int TOTAL = REGISTERING_THREADS * PER_THREAD;

  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final ExecutorService pool = Executors.newFixedThreadPool(REGISTERING_THREADS + 1);

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  @Test
  void concurrentRegistrationsDuringPassesAreNeitherLostNorDoubled() throws Exception {
    AtomicIntegerArray runs = new AtomicIntegerArray(TOTAL);
    AtomicBoolean registering = new AtomicBoolean(true);
    CyclicBarrier start = new CyclicBarrier(REGISTERING_THREADS + 1);

    Future<int[]> passer = pool.submit(() -> {
      start.await();
      int passes = 0;
      int duplicates = 0;
      BitSet seen = new BitSet(TOTAL);
      while (registering.get()) {
        seen.clear();
        for (int slot : registry.tryRunAll()) {
          if (seen.get(slot)) {
            duplicates++;
          }
          seen.set(slot);
        }
        passes++;
      }
      return new int[] {passes, duplicates};
    });
    List<Future<?>> registrars = new ArrayList<>();
    for (int t = 0; t < REGISTERING_THREADS; t++) {
      int base = t * PER_THREAD;
      registrars.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < PER_THREAD; i++) {
          int id = base + i;
          int[] mySlot = {id};
          registry.register(() -> {
            runs.incrementAndGet(id);
            return mySlot;
          });
        }
        return null;
      }));
    }
    for (Future<?> f : registrars) {
      f.get(50, TimeUnit.SECONDS);
    }
    registering.set(false);
    int[] passesAndDuplicates = passer.get(50, TimeUnit.SECONDS);

    assertTrue(passesAndDuplicates[0] > 0);
    assertEquals(0, passesAndDuplicates[1], "a pass reported a handler twice");
    assertEquals(TOTAL, registry.size());
    int[] before = new int[TOTAL];
    for (int i = 0; i < TOTAL; i++) {
      before[i] = runs.get(i);
    }

    int[] slots = registry.tryRunAll();

    assertEquals(TOTAL, slots.length);
    for (int i = 0; i < TOTAL; i++) {
      assertEquals(before[i] + 1, runs.get(i), "handler " + i + " ran exactly once in the pass");
    }
  }
}
