package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import meshos.api.RecoveryHandler;
import meshos.tick.QuarantinedHandler;
import meshos.tick.internal.Supervisor.Outcome;
import org.junit.jupiter.api.Test;

/** The supervision rules on a fake clock (seconds, in nanoseconds), without a runtime. */
class SupervisorTest {
  private static final long S = 1_000_000_000L;
  private final RuntimeException boom = new IllegalStateException("boom");

  private final List<RecoveryHandler> registered = new ArrayList<>();

  /** A handler that recovers nothing, named {@code name}; shared with SupervisionRulesTest. */
  static RecoveryHandler handler(String name) {
    return new RecoveryHandler() {
      @Override
      public int[] recover() {
        return new int[0];
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private Outcome evict(Supervisor s, RecoveryHandler h, long now) {
    return s.onEviction(h, h.toString(), boom, now);
  }

  private List<String> tick(Supervisor s, long now) {
    List<String> restarted = s.restartDue(now, registered::add);
    s.tickEnded();
    return restarted;
  }

  @Test
  void theEvictPolicyNeverQuarantines() {
    Supervisor s = Supervisor.evicting();
    RecoveryHandler h = handler("h");
    assertEquals(Outcome.EVICTED, evict(s, h, 0));
    assertEquals(List.of(), tick(s, 1000 * S));
    assertEquals(List.of(), s.snapshot());
    assertFalse(s.cancel(h));
    assertFalse(s.restarts());
  }

  @Test
  void backoffDoublesWithEachConsecutiveEvictionUpToTheCap() {
    Supervisor s = Supervisor.restarting(1 * S, 4 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler h = handler("h");
    long[] evictedAt = {0, 1 * S, 3 * S, 7 * S, 11 * S};
    long[] backoff = {1 * S, 2 * S, 4 * S, 4 * S, 4 * S};
    for (int i = 0; i < evictedAt.length; i++) {
      long t = evictedAt[i];
      assertEquals(Outcome.QUARANTINED, evict(s, h, t));
      QuarantinedHandler q = s.snapshot().get(0);
      assertEquals(i + 1, q.evictions());
      assertSame(boom, q.lastCause());
      assertEquals(t + backoff[i], q.nextAttemptNanos(), "eviction " + (i + 1));
      assertEquals(List.of(), tick(s, t + backoff[i] - 1), "not before its backoff");
      assertEquals(List.of("h"), tick(s, t + backoff[i]), "at the first tick due");
      assertEquals(List.of(), s.snapshot());
    }
    assertEquals(evictedAt.length, registered.size());
  }

  @Test
  void aHandlerThatRanForTheLongestBackoffStartsAgainFromTheShortest() {
    Supervisor s = Supervisor.restarting(1 * S, 4 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler h = handler("h");
    evict(s, h, 0);
    tick(s, 1 * S);
    evict(s, h, 1 * S);
    tick(s, 3 * S);
    assertEquals(Outcome.QUARANTINED, evict(s, h, 3 * S + 4 * S)); // ran 4 s = max
    QuarantinedHandler q = s.snapshot().get(0);
    assertEquals(1, q.evictions());
    assertEquals(7 * S + 1 * S, q.nextAttemptNanos());
  }

  @Test
  void dueHandlersAreRestartedInTheOrderTheyWereQuarantined() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler a = handler("a");
    RecoveryHandler b = handler("b");
    RecoveryHandler c = handler("c");
    evict(s, b, 0);
    evict(s, c, 0);
    evict(s, a, 0);
    assertEquals(List.of("b", "c", "a"), tick(s, 1 * S));
    assertEquals(List.of(b, c, a), registered);
  }

  @Test
  void givenUpWhenEvictedAfterTheWindowsRestarts() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, 2, 10 * S);
    RecoveryHandler h = handler("h");
    assertEquals(Outcome.QUARANTINED, evict(s, h, 0));
    tick(s, 1 * S);
    assertEquals(Outcome.QUARANTINED, evict(s, h, 2 * S));
    tick(s, 3 * S);
    assertEquals(Outcome.GIVEN_UP, evict(s, h, 4 * S), "2 restarts within 10 s already");
    assertEquals(List.of(), s.snapshot());
    assertEquals(List.of(), tick(s, 100 * S));
    assertEquals(2, registered.size());
  }

  @Test
  void aHandlerFailingOnEveryCallIsRestartedExactlyMaxRestartsTimes() {
    int maxRestarts = 5;
    Supervisor s = Supervisor.restarting(1 * S, 8 * S, maxRestarts, 3600 * S);
    RecoveryHandler h = handler("h");
    long now = 0;
    Outcome outcome = evict(s, h, now);
    int restarts = 0;
    while (outcome == Outcome.QUARANTINED) {
      now += S;
      if (!tick(s, now).isEmpty()) {
        restarts++;
        outcome = evict(s, h, now); // fails at its first call, in the tick that restarted it
      }
    }
    assertEquals(Outcome.GIVEN_UP, outcome);
    assertEquals(maxRestarts, restarts);
    assertEquals(maxRestarts, registered.size());
  }

  @Test
  void maxRestartsZeroGivesUpAtTheFirstEviction() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, 0, 1 * S);
    assertEquals(Outcome.GIVEN_UP, evict(s, handler("h"), 0));
  }

  @Test
  void restartsOlderThanTheWindowStopCounting() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, 2, 10 * S);
    RecoveryHandler early = handler("early");
    RecoveryHandler late = handler("late");
    for (RecoveryHandler h : List.of(early, late)) { // both restarted at t=1 and t=2
      evict(s, h, 0);
      tick(s, 1 * S);
      evict(s, h, 1 * S);
      tick(s, 2 * S);
    }
    assertEquals(Outcome.GIVEN_UP, evict(s, early, 10 * S + S / 2), "t=1 and t=2 count");
    assertEquals(Outcome.QUARANTINED, evict(s, late, 11 * S), "t=1 has left the window");
    tick(s, 12 * S); // restarts at t=2 and t=12: t=2 leaves at t=12
    assertEquals(Outcome.QUARANTINED, evict(s, late, 12 * S));
    tick(s, 13 * S);
    assertEquals(Outcome.GIVEN_UP, evict(s, late, 13 * S), "t=12 and t=13 count");
  }

  @Test
  void theRestartWindowIsHalfOpen() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, 1, 10 * S);
    RecoveryHandler h = handler("h");
    evict(s, h, 0);
    tick(s, 1 * S);
    assertEquals(Outcome.GIVEN_UP, evict(s, h, 11 * S - 1));
    RecoveryHandler g = handler("g");
    evict(s, g, 0);
    tick(s, 1 * S);
    assertEquals(Outcome.QUARANTINED, evict(s, g, 11 * S), "a restart counts for exactly 10 s");
  }

  @Test
  void aFatalErrorIsNeverRestartedButAStackOverflowIs() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler oom = handler("oom");
    RecoveryHandler deep = handler("deep");
    assertEquals(Outcome.GIVEN_UP, s.onEviction(oom, "oom", new OutOfMemoryError(), 0));
    assertEquals(Outcome.QUARANTINED,
        s.onEviction(deep, "deep", new StackOverflowError(), 0));
    assertEquals(List.of("deep"), tick(s, 10 * S));
  }

  @Test
  void unregisterCancelsAQuarantine() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler h = handler("h");
    evict(s, h, 0);
    assertTrue(s.unregister(h, x -> false), "not registered, but quarantined: cancelled");
    assertEquals(List.of(), s.snapshot());
    assertEquals(List.of(), tick(s, 10 * S));
    assertFalse(s.unregister(h, x -> false));
    assertFalse(s.cancel(h));
  }

  @Test
  void unregisterOfARegisteredHandlerGoesToTheRegistryAndForgetsItsHistory() {
    Supervisor s = Supervisor.restarting(1 * S, 8 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler h = handler("h");
    evict(s, h, 0);
    tick(s, 1 * S);
    evict(s, h, 1 * S);
    tick(s, 3 * S);
    assertTrue(s.unregister(h, registered::remove));
    assertEquals(Outcome.QUARANTINED, evict(s, h, 4 * S));
    assertEquals(1, s.snapshot().get(0).evictions(), "a new handler as far as supervision goes");
  }

  @Test
  void aHandlerUnregisteredDuringTheTickThatEvictsItIsNotQuarantined() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler running = handler("running");
    RecoveryHandler racing = handler("racing");
    s.restartDue(0, registered::add); // the tick starts
    // unregister returned true while its call ran, then the call threw:
    assertTrue(s.unregister(running, x -> true));
    // unregister raced with the eviction (already tombstoned, not yet reported): false, but gone
    assertFalse(s.unregister(racing, x -> false));
    assertEquals(Outcome.EVICTED, evict(s, running, 0));
    assertEquals(Outcome.EVICTED, evict(s, racing, 0));
    s.tickEnded();
    assertEquals(List.of(), s.snapshot());
    // in a later tick the same handlers are supervised again
    s.restartDue(1 * S, registered::add);
    assertEquals(Outcome.QUARANTINED, evict(s, running, 1 * S));
  }

  @Test
  void aSecondEvictionWhileQuarantinedKeepsTheRestartAsItWas() {
    Supervisor s = Supervisor.restarting(1 * S, 8 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler dup = handler("dup");
    evict(s, dup, 0);
    assertEquals(Outcome.QUARANTINED, evict(s, dup, 0));
    QuarantinedHandler q = s.snapshot().get(0);
    assertEquals(2, q.evictions());
    assertEquals(1 * S, q.nextAttemptNanos());
    assertEquals(List.of("dup"), tick(s, 1 * S));
    assertEquals(1, registered.size(), "one instance, one restart");
  }

  @Test
  void nothingIsRestartedAfterClose() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler h = handler("h");
    evict(s, h, 0);
    s.close();
    assertEquals(List.of(), tick(s, 10 * S));
    assertEquals(List.of(), s.snapshot());
    assertEquals(Outcome.EVICTED, evict(s, handler("late"), 10 * S));
    assertEquals(List.of(), registered);
  }

  @Test
  void aRegisterThatThrowsLeavesTheHandlerQuarantinedForTheNextTick() {
    Supervisor s = Supervisor.restarting(1 * S, 1 * S, Integer.MAX_VALUE, 1);
    RecoveryHandler h = handler("h");
    evict(s, h, 0);
    assertThrows(IllegalStateException.class, () -> s.restartDue(1 * S, x -> {
      throw new IllegalStateException("registry refused");
    }));
    s.tickEnded();
    assertEquals(1, s.quarantined());
    assertEquals(List.of("h"), tick(s, 2 * S));
  }

  @Test
  void outOfRangeArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Supervisor.restarting(0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Supervisor.restarting(2, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Supervisor.restarting(1, 1, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> Supervisor.restarting(1, 1, 1, 0));
    assertThrows(IllegalArgumentException.class,
        () -> Supervisor.restarting(1, Long.MAX_VALUE, 1, 1));
  }
}
