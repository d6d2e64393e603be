package meshos.registry;

import static meshos.registry.Slots.logging;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rule 7: unregister removes the earliest registration, also during a pass, for good. */
@Timeout(30)
class UnregisterTest {
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final List<String> log = Slots.newLog();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  @Test
  void unregisterRemovesTheEarliestRegistrationByIdentity() {
    RecoveryHandler dup = logging(log, "dup", 1);
    registry.register(dup);
    registry.register(logging(log, "mid", 2));
    registry.register(dup);
    RecoveryHandler equalButNotSame = logging(log, "dup", 1);

    assertFalse(registry.unregister(equalButNotSame));
    assertTrue(registry.unregister(dup));

    assertArrayEquals(Slots.ints(2, 1), registry.tryRunAll());
    assertTrue(registry.unregister(dup));
    assertFalse(registry.unregister(dup));
    assertEquals(1, registry.size());
  }

  @Test
  void aHandlerUnregisteredMidPassByAnEarlierHandlerIsNotInvokedNorMergedBack() {
    RecoveryHandler victim = logging(log, "victim", 9);
    registry.register(() -> {
      log.add("killer");
      assertTrue(registry.unregister(victim));
      return Slots.NONE;
    });
    registry.register(victim);
    registry.register(logging(log, "last", 1));

    assertArrayEquals(Slots.ints(1), registry.tryRunAll());
    assertEquals(List.of("killer", "last"), log);
    assertEquals(2, registry.size());

    registry.tryRunAll();
    assertEquals(List.of("killer", "last", "killer", "last"), log, "not resurrected");
  }

  @Test
  void unregisterFromAnotherThreadDuringAPassIsNeverResurrected() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch removed = new CountDownLatch(1);
    RecoveryHandler blocker = () -> {
      log.add("blocker");
      entered.countDown();
      LockDisciplineTest.await(removed);
      return Slots.NONE;
    };
    RecoveryHandler notYetRun = logging(log, "not-yet-run", 5);
    registry.register(blocker);
    registry.register(notYetRun);
    Future<int[]> pass = pool.submit(registry::tryRunAll);
    assertTrue(entered.await(10, TimeUnit.SECONDS));

    assertTrue(registry.unregister(blocker), "the running handler, already dispatched");
    assertTrue(registry.unregister(notYetRun), "a handler the pass has not reached");
    assertEquals(0, registry.size());
    removed.countDown();

    assertArrayEquals(Slots.NONE, pass.get(10, TimeUnit.SECONDS));
    assertEquals(List.of("blocker"), log, "the running call finished, the other never started");
    assertTrue(registry.isEmpty());
    registry.tryRunAll();
    assertEquals(List.of("blocker"), log);
  }

  /**
   * Rule 7 as SPEC 0.2 states it, across threads: passes run back to back on one thread while this
   * thread registers a fresh handler, then a filler that stays, then unregisters the handler, many
   * times. Handler {@code k} may still be invoked by the pass in progress when {@code unregister}
   * returns (if that pass had already dispatched the call), but never by a pass that started after
   * the return. (The filler behind it makes a merge that keeps the wrong entries visible.)
   */
  @Test
  void noPassThatStartsAfterUnregisterReturnedTrueInvokesTheHandler() throws Exception {
    int cycles = 10_000;
    int fillers = 8;
    AtomicLong removedUpTo = new AtomicLong();
    AtomicInteger violations = new AtomicInteger();
    AtomicInteger churnRuns = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    long[] removedWhenPassStarted = {0}; // written and read on the pass thread only
    for (int i = 0; i < fillers; i++) {
      registry.register(() -> Slots.NONE);
    }
    Future<Integer> passes = pool.submit(() -> {
      int count = 0;
      while (!done.get()) {
        removedWhenPassStarted[0] = removedUpTo.get();
        registry.tryRunAll();
        count++;
      }
      return count;
    });
    try {
      for (int k = 1; k <= cycles; k++) {
        long id = k;
        RecoveryHandler handler = () -> {
          churnRuns.incrementAndGet();
          if (removedWhenPassStarted[0] >= id) {
            violations.incrementAndGet();
          }
          return Slots.NONE;
        };
        registry.register(handler);
        registry.register(() -> Slots.NONE);
        for (int spin = k % 64; spin > 0; spin--) {
          Thread.onSpinWait();
        }
        assertTrue(registry.unregister(handler), "handler " + k);
        removedUpTo.set(k);
      }
    } finally {
      done.set(true);
    }
    int passCount = passes.get(10, TimeUnit.SECONDS);

    assertEquals(0, violations.get(), "invocations by passes that started after the removal ("
        + passCount + " passes, " + churnRuns.get() + " churned handler runs)");
    assertEquals(fillers + cycles, registry.size());
  }

  @Test
  void unregisterDuringAPassPrefersThePassesRegistrationOverAMidPassOne() {
    RecoveryHandler dup = logging(log, "dup", 1);
    registry.register(() -> {
      registry.register(dup); // the later registration
      assertTrue(registry.unregister(dup)); // removes the earlier one: the pass's
      return Slots.NONE;
    });
    registry.register(dup);

    assertArrayEquals(Slots.NONE, registry.tryRunAll());
    assertEquals(2, registry.size());
    assertEquals(List.of(), log);
  }

  @Test
  void unregisterOfAnUnknownHandlerReturnsFalseAndChangesNothing() {
    registry.register(logging(log, "a", 1));
    assertFalse(registry.unregister(() -> Slots.NONE));
    assertEquals(1, registry.size());
  }

  @Test
  void fromAnotherThreadDuringAPassTheReturnValueTellsWhetherARegistrationWasRemoved()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecoveryHandler ran = logging(log, "ran", 1);
    RecoveryHandler lateComer = logging(log, "late", 2);
    registry.register(ran);
    registry.register(() -> {
      entered.countDown();
      LockDisciplineTest.await(release);
      return Slots.NONE;
    });
    Future<int[]> pass = pool.submit(registry::tryRunAll);
    assertTrue(entered.await(10, TimeUnit.SECONDS));

    registry.register(lateComer);
    assertFalse(registry.unregister(logging(log, "unknown")), "never registered");
    assertTrue(registry.unregister(ran), "the pass's entry, already called");
    assertFalse(registry.unregister(ran), "already removed");
    assertTrue(registry.unregister(lateComer), "registered during the pass");
    assertFalse(registry.unregister(lateComer));
    assertEquals(1, registry.size());
    release.countDown();

    assertArrayEquals(Slots.ints(1), pass.get(10, TimeUnit.SECONDS));
    assertEquals(1, registry.size());
    log.clear();
    assertArrayEquals(Slots.NONE, registry.tryRunAll());
    assertEquals(List.of(), log, "neither the removed entry nor the late comer runs");
  }

  @Test
  void fromInsideAHandlerTheReturnValueTellsWhetherARegistrationWasRemoved() {
    RecoveryHandler later = logging(log, "later", 3);
    List<Boolean> results = new java.util.ArrayList<>();
    registry.register(() -> {
      results.add(registry.unregister(logging(log, "unknown")));
      results.add(registry.unregister(later));
      results.add(registry.unregister(later));
      return Slots.NONE;
    });
    registry.register(later);

    assertArrayEquals(Slots.NONE, registry.tryRunAll());
    assertEquals(List.of(false, true, false), results);
    assertEquals(1, registry.size());
  }
}
