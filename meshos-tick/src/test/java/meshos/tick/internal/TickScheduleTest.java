package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import meshos.tick.MissedTickPolicy;
import org.junit.jupiter.api.Test;

/** Cadence with a fake clock: times in milliseconds, converted to the schedule's nanoseconds. */
class TickScheduleTest {
  private static final long MS = 1_000_000L;
  private final AtomicLong clock = new AtomicLong(1_000 * MS);

  private TickSchedule started(MissedTickPolicy policy) {
    TickSchedule schedule = new TickSchedule(policy, 100 * MS, clock::get);
    schedule.start();
    return schedule;
  }

  /** Runs the due tick: starts it {@code startDelayMs} after due, lasting {@code durationMs}. */
  private void runTick(TickSchedule s, long startDelayMs, long durationMs) {
    long start = s.due() + startDelayMs * MS;
    s.tickDone(start, start + durationMs * MS);
  }

  private long dueMs(TickSchedule s) {
    return s.due() / MS - 1_000;
  }

  @Test
  void theFirstTickIsDueOneIntervalAfterStart() {
    TickSchedule s = started(MissedTickPolicy.DELAY);
    assertEquals(100, dueMs(s));
    assertEquals(100 * MS, s.nanosUntilDue());
    clock.addAndGet(100 * MS);
    assertEquals(0, s.nanosUntilDue());
  }

  @Test
  void everyPolicyStaysOnTheGridWhileKeepingUpDespiteJitter() {
    for (MissedTickPolicy policy : MissedTickPolicy.values()) {
      TickSchedule s = started(policy);
      for (int i = 1; i <= 5; i++) {
        assertEquals(100L * i, dueMs(s), policy + " tick " + i);
        runTick(s, 2, 10); // 2 ms late is jitter, under the 5 ms tolerance
      }
    }
  }

  @Test
  void delayShiftsTheScheduleOneIntervalAfterALateTick() {
    TickSchedule s = started(MissedTickPolicy.DELAY);
    runTick(s, 0, 250); // due 100, ends at 350: the tick due at 200 is missed
    assertEquals(200, dueMs(s));
    long lateStart = 350 * MS + 1_000 * MS;
    assertTrue(s.isLate(lateStart));
    s.tickDone(lateStart, lateStart + 10 * MS);
    assertEquals(450, dueMs(s), "one interval after the late tick started, no burst");
    runTick(s, 0, 10);
    assertEquals(550, dueMs(s), "then on the shifted grid");
  }

  @Test
  void skipJumpsToTheFirstGridPointAfterTheLateTick() {
    TickSchedule s = started(MissedTickPolicy.SKIP);
    runTick(s, 0, 250); // due 100, ends at 350: 200 and 300 are skipped
    assertEquals(400, dueMs(s));
    runTick(s, 0, 100); // due 400, ends exactly at 500: 500 is not in the future
    assertEquals(600, dueMs(s));
  }

  @Test
  void burstRunsEveryMissedTickBackToBack() {
    TickSchedule s = started(MissedTickPolicy.BURST);
    runTick(s, 0, 250);
    assertEquals(200, dueMs(s));
    runTick(s, 150, 1); // started at 350 for the tick due at 200
    assertEquals(300, dueMs(s));
    runTick(s, 51, 1);
    assertEquals(400, dueMs(s), "caught up: back on the original grid");
  }

  @Test
  void latenessToleranceIsTheSmallerOf5msAndAQuarterInterval() {
    TickSchedule fast = new TickSchedule(MissedTickPolicy.DELAY, 8 * MS, clock::get);
    fast.start();
    assertFalse(fast.isLate(fast.due() + 2 * MS));
    assertTrue(fast.isLate(fast.due() + 2 * MS + 1));
    TickSchedule slow = started(MissedTickPolicy.DELAY);
    assertFalse(slow.isLate(slow.due() + 5 * MS));
    assertTrue(slow.isLate(slow.due() + 5 * MS + 1));
  }

  @Test
  void aNonPositiveIntervalIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new TickSchedule(MissedTickPolicy.DELAY, 0, clock::get));
  }
}
