package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The watchdog alone, with a scripted culprit: sampling, ranking and counting. */
@Timeout(30)
class TickWatchdogTest {
  private static final long BUDGET = 2_000_000L; // 2 ms; samples every 1 ms
  private final AtomicReference<String> doing = new AtomicReference<>("probe poll");
  private final AtomicReference<CountDownLatch> samples = new AtomicReference<>();
  private final TickWatchdog watchdog = new TickWatchdog("meshos-watchdog-test", BUDGET, System::nanoTime, () -> {
    String now = doing.get();
    CountDownLatch latch = samples.get();
    if (latch != null) {
      latch.countDown();
    }
    return now;
  }, name -> { });

  @AfterEach
  void stop() {
    watchdog.stop(TimeUnit.SECONDS.toNanos(10));
  }

  private void awaitSamples(int count) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(count);
    samples.set(latch);
    assertTrue(latch.await(20, TimeUnit.SECONDS));
  }

  @Test
  void culpritsAreRankedByHowOftenTheyWereSeenAndTheOverrunCountedOnce() throws Exception {
    watchdog.start();
    watchdog.tickStarted(1, System.nanoTime());
    awaitSamples(1); // "probe poll" seen at least once
    doing.set("slow-handler");
    awaitSamples(5); // then at least 4 more samples of the handler

    TickWatchdog.Verdict verdict = watchdog.tickEnded(1, 100 * BUDGET);

    assertTrue(verdict.overBudget());
    assertEquals("slow-handler", verdict.culprits().get(0));
    assertTrue(verdict.culprits().contains("probe poll"));
    assertEquals(1, watchdog.overruns());
  }

  @Test
  void aTickWithinBudgetIsOnTime() {
    // Not started: a started watchdog could legitimately sample if this thread stalled for 2 ms.
    long now = System.nanoTime();
    watchdog.tickStarted(1, now);
    TickWatchdog.Verdict verdict = watchdog.tickEnded(1, 1);
    assertFalse(verdict.overBudget());
    assertEquals(List.of(), verdict.culprits());
    assertEquals(0, watchdog.overruns());
  }

  @Test
  void anOverrunTheWatchdogMissedIsStillCountedWithAnUnknownCulprit() {
    // Not started: the watchdog thread never samples.
    watchdog.tickStarted(7, System.nanoTime());
    TickWatchdog.Verdict verdict = watchdog.tickEnded(7, 10 * BUDGET);
    assertTrue(verdict.overBudget());
    assertTrue(verdict.culprits().get(0).startsWith("<not sampled"));
    assertEquals(1, watchdog.overruns());
  }
}
