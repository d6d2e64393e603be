package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** markRunningCall names the handler instance whose call was running, once it returns. */
@Timeout(30)
class MarkRunningCallTest {
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final List<String> log = Slots.newLog();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  {
    registry.enableCallMarks();
  }

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  /** One class, two instances: only the blocking one may block, on {@code release}. */
  private static final class Twin implements RecoveryHandler {
    private final String name;
    private final List<String> log;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release;

    Twin(String name, List<String> log, CountDownLatch release) {
      this.name = name;
      this.log = log;
      this.release = release;
    }

    @Override
    public int[] recover() {
      log.add(name);
      entered.countDown();
      LockDisciplineTest.await(release);
      return Slots.NONE;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Test
  void passesCheckForMarksOnlyFromTheFirstPassThatBeginsAfterTheyAreEnabled() {
    LockingRecoveryRegistry plain = new LockingRecoveryRegistry((h, c) -> {});
    List<RecoveryHandler> marked = new java.util.ArrayList<>();
    boolean[] accepted = new boolean[3];
    int[] pass = {0};
    RecoveryHandler self = new RecoveryHandler() {
      @Override
      public int[] recover() {
        accepted[pass[0]] = plain.markRunningCall(marked::add);
        if (pass[0] == 0) {
          plain.enableCallMarks(); // the pass in progress is unchanged
          accepted[1] = plain.markRunningCall(marked::add);
        }
        return Slots.NONE;
      }
    };
    plain.register(self);

    plain.tryRunAll();
    assertFalse(accepted[0], "marks are off by default");
    assertFalse(accepted[1], "enabled during a pass: not that pass");
    assertEquals(List.of(), marked);

    pass[0] = 2;
    plain.tryRunAll();
    assertTrue(accepted[2]);
    assertEquals(List.of(self), marked);
  }

  @Test
  void withNoPassInProgressNothingIsMarked() {
    registry.register(Slots.logging(log, "a"));
    assertFalse(registry.markRunningCall(h -> log.add("marked " + h)));
    registry.tryRunAll();
    assertEquals(List.of("a"), log);
  }

  @Test
  void namesTheInstanceWhoseCallWasRunningOnceItReturnsAndBeforeTheNextCall() throws Exception {
    CountDownLatch open = new CountDownLatch(0);
    CountDownLatch release = new CountDownLatch(1);
    Twin fast = new Twin("fast", log, open);
    Twin slow = new Twin("slow", log, release);
    Twin after = new Twin("after", log, open);
    registry.register(fast);
    registry.register(slow);
    registry.register(after);

    Future<int[]> pass = pool.submit(registry::tryRunAll);
    LockDisciplineTest.await(slow.entered);
    assertTrue(registry.markRunningCall(h -> log.add("marked " + h)));
    assertTrue(registry.markRunningCall(h -> log.add("marked again " + h)));
    release.countDown();
    pass.get(10, TimeUnit.SECONDS);

    assertEquals(List.of("fast", "slow", "marked again slow", "after"), log,
        "one report per marked call, the latest request, before the next handler runs");
  }

  @Test
  void aMarkDuringTheLastCallIsReportedAtTheEndOfThePass() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Twin last = new Twin("last", log, release);
    registry.register(Slots.logging(log, "first"));
    registry.register(last);
    RecoveryHandler[] marked = new RecoveryHandler[1];

    Future<int[]> pass = pool.submit(registry::tryRunAll);
    LockDisciplineTest.await(last.entered);
    assertTrue(registry.markRunningCall(h -> marked[0] = h));
    release.countDown();
    pass.get(10, TimeUnit.SECONDS);

    assertSame(last, marked[0]);
  }

  @Test
  void aHandlerMarkingItselfIsNamedOnceItReturns() {
    RecoveryHandler[] marked = new RecoveryHandler[2];
    RecoveryHandler self = new RecoveryHandler() {
      @Override
      public int[] recover() {
        registry.markRunningCall(h -> marked[0] = h);
        return Slots.ints(3);
      }
    };
    registry.register(self);
    registry.register(Slots.logging(log, "next", 4));

    assertArrayEquals(Slots.ints(3, 4), registry.tryRunAll());
    assertSame(self, marked[0]);
  }

  @Test
  void aHandlerThatMarksAndThenUnregistersItselfIsStillNamed() {
    List<RecoveryHandler> marked = new java.util.ArrayList<>();
    RecoveryHandler leaving = new RecoveryHandler() {
      @Override
      public int[] recover() {
        registry.markRunningCall(marked::add);
        assertTrue(registry.unregister(this));
        return Slots.NONE;
      }
    };
    RecoveryHandler next = Slots.logging(log, "next");
    registry.register(Slots.logging(log, "first"));
    registry.register(leaving);
    registry.register(next);

    registry.tryRunAll();

    assertEquals(List.of(leaving), marked, "named though its entry is a tombstone by then");
    assertEquals(List.of("first", "next"), log);
    assertEquals(2, registry.size());
  }

  @Test
  void aHandlerThatMarksItselfAndThrowsIsNamedNotTheNextOne() {
    List<RecoveryHandler> marked = new java.util.ArrayList<>();
    RecoveryHandler failing = new RecoveryHandler() {
      @Override
      public int[] recover() {
        registry.markRunningCall(marked::add);
        throw new IllegalStateException("after marking itself");
      }
    };
    registry.register(failing);
    registry.register(Slots.logging(log, "next", 5));

    assertArrayEquals(Slots.ints(5), registry.tryRunAll());

    assertEquals(List.of(failing), marked);
    assertEquals(1, registry.size(), "the failing handler is evicted");
  }

  @Test
  void marksFromAnotherThreadNameRegisteredHandlersNeverTheTombstoneOfARemovedOne()
      throws Exception {
    java.util.Queue<RecoveryHandler> named = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.concurrent.atomic.AtomicReference<LockingRecoveryRegistry> current =
        new java.util.concurrent.atomic.AtomicReference<>(registry);
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    Future<?> marker = pool.submit(() -> {
      while (!stop.get()) {
        current.get().markRunningCall(named::add);
      }
    });
    try {
      for (int pass = 0; pass < 5_000; pass++) {
        LockingRecoveryRegistry fresh = new LockingRecoveryRegistry((h, c) -> {});
        fresh.enableCallMarks();
        RecoveryHandler victim = () -> Slots.NONE;
        fresh.register(() -> {
          fresh.unregister(victim); // leaves a tombstone that the pass then calls
          return Slots.NONE;
        });
        fresh.register(victim);
        fresh.register(() -> Slots.NONE);
        current.set(fresh);
        fresh.tryRunAll();
        assertEquals(2, fresh.size());
      }
    } finally {
      stop.set(true);
      marker.get(10, TimeUnit.SECONDS);
    }
    assertFalse(named.stream().anyMatch(h -> h instanceof Tombstone), "a tombstone was named");
  }

  @Test
  void aReportedMarkIsConsumedAndALaterRemovalReportsNothing() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Twin last = new Twin("last", log, release);
    RecoveryHandler victim = Slots.logging(log, "victim");
    registry.register(Slots.logging(log, "first"));
    registry.register(last);

    Future<int[]> pass = pool.submit(registry::tryRunAll);
    LockDisciplineTest.await(last.entered);
    assertTrue(registry.markRunningCall(h -> log.add("marked " + h)));
    release.countDown();
    pass.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("first", "last", "marked last"), log);

    // A later pass in which a removal bumps the same counter reports nothing.
    registry.register(() -> {
      registry.unregister(victim);
      return Slots.NONE;
    });
    registry.register(victim);
    log.clear();
    registry.tryRunAll();
    assertEquals(List.of("first", "last"), log.subList(0, 2));
    assertFalse(log.stream().anyMatch(s -> s.startsWith("marked")), log.toString());
  }

  @Test
  void aThrowingConsumerDoesNotStopThePass() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Twin slow = new Twin("slow", log, release);
    registry.register(slow);
    registry.register(Slots.logging(log, "after", 7));

    Future<int[]> pass = pool.submit(registry::tryRunAll);
    LockDisciplineTest.await(slow.entered);
    registry.markRunningCall(h -> {
      throw new IllegalStateException("consumer bug");
    });
    release.countDown();

    assertArrayEquals(Slots.ints(7), pass.get(10, TimeUnit.SECONDS));
    assertEquals(List.of("slow", "after"), log);
    assertEquals(2, registry.size());
  }

  @Test
  void aMarkLeftByAPassEndedByAFatalErrorIsDroppedNotReportedByTheNextPass() {
    List<RecoveryHandler> marked = new java.util.ArrayList<>();
    boolean[] fail = {true};
    RecoveryHandler victim = Slots.logging(log, "victim");
    registry.register(() -> {
      if (fail[0]) {
        fail[0] = false;
        registry.markRunningCall(marked::add);
        throw new OutOfMemoryError("simulated, after marking itself");
      }
      return Slots.NONE;
    });
    org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class, registry::tryRunAll);

    // The next pass bumps the same counter with a removal: nothing may be reported.
    registry.register(() -> {
      registry.unregister(victim);
      return Slots.NONE;
    });
    registry.register(victim);
    registry.tryRunAll();

    assertEquals(List.of(), marked);
  }
}
