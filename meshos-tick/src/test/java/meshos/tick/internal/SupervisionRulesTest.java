package meshos.tick.internal;

import static meshos.tick.internal.SupervisorTest.handler;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.RecoveryHandler;
import meshos.tick.QuarantinedHandler;
import meshos.tick.internal.Supervisor.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Supervision details the scenario tests leave open: backoff arithmetic at odd caps, cancel, the
 * lock released by every call, range bounds, quarantine order, the restart history's size, and
 * the tally of overrun strikes (ties, repeated reports, samples from before the tick).
 */
class SupervisionRulesTest {
  private final RuntimeException boom = new IllegalStateException("boom");
  private final List<RecoveryHandler> registered = new ArrayList<>();

  /** Evicts {@code h} at {@code now}, restarts it when due; returns the backoff it was given. */
  private long evictAndRestart(Supervisor s, RecoveryHandler h, long now) {
    assertEquals(Outcome.QUARANTINED, s.onEviction(h, h.toString(), boom, now));
    long due = s.snapshot().get(0).nextAttemptNanos();
    assertEquals(List.of(h.toString()), s.restartDue(due, registered::add));
    s.tickEnded();
    return due - now;
  }

  private List<Long> backoffs(Supervisor s, int evictions) {
    RecoveryHandler h = handler("h");
    List<Long> backoffs = new ArrayList<>();
    long now = 0;
    for (int i = 0; i < evictions; i++) {
      long backoff = evictAndRestart(s, h, now);
      backoffs.add(backoff);
      now += backoff; // evicted again at once after each restart: consecutive evictions
    }
    return backoffs;
  }

  @Test
  void backoffDoublesButNeverPassesAnOddCap() {
    assertEquals(List.of(1L, 2L, 3L, 3L),
        backoffs(Supervisor.restarting(1, 3, Integer.MAX_VALUE, 1), 4));
    assertEquals(List.of(3L, 5L, 5L),
        backoffs(Supervisor.restarting(3, 5, Integer.MAX_VALUE, 1), 3));
  }

  @Test
  void cancelEndsAQuarantineOnceAndNothingElse() {
    Supervisor s = Supervisor.restarting(10, 10, Integer.MAX_VALUE, 1);
    RecoveryHandler h = handler("h");
    assertFalse(s.cancel(h), "not quarantined");
    s.onEviction(h, "h", boom, 0);
    assertEquals(1, s.quarantined());
    assertTrue(s.cancel(h));
    assertFalse(s.cancel(h));
    assertEquals(0, s.quarantined());
    assertEquals(List.of(), s.restartDue(100, registered::add));
    assertEquals(List.of(), registered);
  }

  @Test
  void everyCallReleasesTheSupervisorsLock() throws ReflectiveOperationException {
    Supervisor s = Supervisor.restarting(10, 10, 5, 100);
    Field field = Supervisor.class.getDeclaredField("lock");
    field.setAccessible(true);
    ReentrantLock lock = (ReentrantLock) field.get(s);
    RecoveryHandler h = handler("h");
    s.onEviction(h, "h", boom, 0);
    assertFalse(lock.isLocked(), "onEviction");
    s.quarantined();
    assertFalse(lock.isLocked(), "quarantined");
    s.snapshot();
    assertFalse(lock.isLocked(), "snapshot");
    s.cancel(h);
    assertFalse(lock.isLocked(), "cancel");
    s.unregister(h, x -> true);
    assertFalse(lock.isLocked(), "unregister of a registered handler");
    s.unregister(h, x -> false);
    assertFalse(lock.isLocked(), "unregister of an unknown handler");
    s.restartDue(0, registered::add);
    s.tickEnded();
    assertFalse(lock.isLocked(), "a tick");
    s.close();
    assertFalse(lock.isLocked(), "close");
  }

  @Test
  void theLongestBackoffAndWindowAreAccepted() {
    long longest = Long.MAX_VALUE / 2;
    assertDoesNotThrow(() -> Supervisor.restarting(1, longest, 1, longest));
  }

  /** Quarantines h0, h7, h14, h1, ... (20 names, not in name order); returns that order. */
  private List<String> quarantineTwentyOutOfOrder(Supervisor s) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String name = "h" + (i * 7 % 20);
      order.add(name);
      s.onEviction(handler(name), name, boom, i);
    }
    return order;
  }

  @Test
  void theQuarantineIsListedInTheOrderHandlersWereQuarantined() {
    Supervisor s = Supervisor.restarting(10, 10, Integer.MAX_VALUE, 1);
    List<String> order = quarantineTwentyOutOfOrder(s);
    assertEquals(order, s.snapshot().stream().map(QuarantinedHandler::name).toList());
  }

  @Test
  void dueHandlersAreRestartedInTheOrderTheyWereQuarantined() {
    Supervisor s = Supervisor.restarting(10, 10, Integer.MAX_VALUE, 1);
    List<String> order = quarantineTwentyOutOfOrder(s);
    assertEquals(order, s.restartDue(100, registered::add));
    assertEquals(order, registered.stream().map(Object::toString).toList());
  }

  @Test
  void toStringNamesThePolicy() {
    assertEquals("Supervisor[evict]", Supervisor.evicting().toString());
    assertEquals("Supervisor[restart 1..3 ns]",
        Supervisor.restarting(1, 3, Integer.MAX_VALUE, 7).toString());
    assertEquals("Supervisor[restart 1..3 ns, 2 in 7 ns]",
        Supervisor.restarting(1, 3, 2, 7).toString());
  }

  @Test
  void theRestartHistoryKeepsTheLatestRestartsOnly() {
    SupervisorEntry e = new SupervisorEntry(handler("h"));
    e.restarted(1, 2);
    e.restarted(2, 2);
    e.restarted(3, 2);
    assertEquals(List.of(2L, 3L), List.copyOf(e.restarts));
    assertEquals(2, e.restartsWithin(3, 100));
    e.restarted(4, 0);
    assertEquals(2, e.restarts.size(), "keep 0: no history kept");
  }

  // OverrunStrikes' tally, driven directly (the registry's report is callReturned).

  private final AtomicLong clock = new AtomicLong(1_000);

  private OverrunStrikes strikes(int n) {
    return new OverrunStrikes(n, whenReturned -> true, clock::get);
  }

  @Test
  void onATieTheFirstReportedIsTheMainCulprit() {
    OverrunStrikes s = strikes(1);
    RecoveryHandler a = handler("a");
    RecoveryHandler b = handler("b");
    s.tickStarted();
    s.sampled();
    s.sampled();
    s.callReturned(a);
    s.sampled();
    s.sampled();
    s.callReturned(b);
    assertSame(a, s.tickEnded(true).handler());
  }

  @Test
  void repeatedReportsOfOneHandlerAddUp() {
    OverrunStrikes s = strikes(1);
    RecoveryHandler a = handler("a");
    RecoveryHandler b = handler("b");
    s.tickStarted();
    s.sampled();
    s.callReturned(a);
    s.sampled();
    s.sampled();
    s.callReturned(b);
    s.sampled();
    s.sampled();
    s.callReturned(a);
    assertSame(a, s.tickEnded(true).handler(), "a: 3 samples, b: 2");
  }

  @Test
  void aReportWithoutSamplesStrikesNobody() {
    OverrunStrikes s = strikes(1);
    s.tickStarted();
    s.callReturned(handler("a"));
    assertNull(s.tickEnded(true));
  }

  @Test
  void theMeasuredTimeStartsAtTheFirstSampleOfTheTick() {
    OverrunStrikes s = strikes(1);
    RecoveryHandler a = handler("a");
    s.sampled(); // left from before the tick
    clock.addAndGet(100);
    s.tickStarted();
    s.sampled();
    clock.addAndGet(50);
    s.callReturned(a);
    OverrunStrikes.Strike strike = s.tickEnded(true);
    assertSame(a, strike.handler());
    assertEquals(50, strike.measuredNanos());
    assertEquals(1, strike.strikes());
    assertEquals(3, strikes(3).strikes());
    assertEquals("OverrunStrikes[3]", strikes(3).toString());
  }
}
