package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import meshos.api.RecoveryHandler;
import meshos.registry.LockingRecoveryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Overrun strikes against a real registry: the test thread plays the watchdog, sampling while a
 * handler is held inside its call by a latch; the fake clock advances only when the test says so.
 */
@Timeout(30)
class OverrunStrikesTest {
  private static final long MS = 1_000_000L;

  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final AtomicLong clock = new AtomicLong(1_000 * MS);
  private final OverrunStrikes strikes = new OverrunStrikes(3, registry::markRunningCall, clock::get);

  {
    registry.enableCallMarks(); // as SupervisorHooks does when enforcement is on
  }
  private final ExecutorService tickThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void shutdown() {
    tickThread.shutdownNow();
  }

  /** One class: every instance returns nothing; an instance may be told to block in its call. */
  private static final class Group implements RecoveryHandler {
    private final String name;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(0);

    Group(String name) {
      this.name = name;
    }

    /** Its next call blocks until the returned latch is released. */
    CountDownLatch blockNextCall() {
      entered = new CountDownLatch(1);
      release = new CountDownLatch(1);
      return release;
    }

    @Override
    public int[] recover() {
      entered.countDown();
      await(release);
      return new int[0];
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * One tick whose pass runs on the tick thread; while {@code slow} blocks, the watchdog samples
   * {@code samples} times, {@code heldMs} apart on the fake clock.
   */
  private OverrunStrikes.Strike tick(Group slow, int samples, long heldMs, boolean overBudget)
      throws Exception {
    strikes.tickStarted();
    CountDownLatch release = slow.blockNextCall();
    var pass = tickThread.submit(registry::tryRunAll);
    await(slow.entered);
    for (int i = 0; i < samples; i++) {
      strikes.sampled();
      clock.addAndGet(heldMs * MS / Math.max(1, samples));
    }
    release.countDown();
    pass.get(10, TimeUnit.SECONDS);
    return tickThread.submit(() -> strikes.tickEnded(overBudget)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void twoInstancesOfOneClassOnlyTheSlowOneIsStruck() throws Exception {
    Group fast = new Group("fast");
    Group slow = new Group("slow");
    registry.register(fast);
    registry.register(slow);
    registry.register(new Group("after"));

    assertNull(tick(slow, 2, 600, true));
    assertNull(tick(slow, 2, 600, true));
    OverrunStrikes.Strike strike = tick(slow, 2, 600, true);

    assertNotNull(strike);
    assertSame(slow, strike.handler());
    assertEquals(3, strike.strikes());
    assertEquals(600 * MS, strike.measuredNanos(), "from the first sample to its return");
    assertNull(tick(slow, 2, 600, true), "the strikes start over");
  }

  @Test
  void anOnTimeTickResetsTheStrikes() throws Exception {
    Group slow = new Group("slow");
    registry.register(slow);

    assertNull(tick(slow, 1, 10, true));
    assertNull(tick(slow, 1, 10, true));
    assertNull(tick(slow, 0, 0, false), "on time");
    assertNull(tick(slow, 1, 10, true));
    assertNull(tick(slow, 1, 10, true));
    assertNotNull(tick(slow, 1, 10, true));
  }

  @Test
  void aTickOverBudgetWithNoHandlerSeenResetsTheStrikes() throws Exception {
    Group slow = new Group("slow");
    registry.register(slow);

    assertNull(tick(slow, 1, 10, true));
    assertNull(tick(slow, 1, 10, true));
    assertNull(tick(slow, 0, 0, true), "late in the probe poll, say: no handler to blame");
    assertNull(tick(slow, 1, 10, true));
  }

  @Test
  void anotherMainCulpritStartsTheCountOver() throws Exception {
    Group a = new Group("a");
    Group b = new Group("b");
    registry.register(a);
    registry.register(b);

    assertNull(tick(a, 1, 10, true));
    assertNull(tick(a, 1, 10, true));
    assertNull(tick(b, 1, 10, true));
    assertNull(tick(a, 1, 10, true));
    assertNull(tick(a, 1, 10, true));
    assertSame(a, tick(a, 1, 10, true).handler());
  }

  @Test
  void theMainCulpritIsTheInstanceSeenInMostSamples() throws Exception {
    Group a = new Group("a");
    Group b = new Group("b");
    registry.register(a);
    registry.register(b);

    for (int t = 0; t < 3; t++) {
      strikes.tickStarted();
      CountDownLatch releaseA = a.blockNextCall();
      CountDownLatch releaseB = b.blockNextCall();
      var pass = tickThread.submit(registry::tryRunAll);
      await(a.entered);
      strikes.sampled();
      releaseA.countDown();
      await(b.entered);
      strikes.sampled();
      strikes.sampled();
      releaseB.countDown();
      pass.get(10, TimeUnit.SECONDS);
      OverrunStrikes.Strike strike =
          tickThread.submit(() -> strikes.tickEnded(true)).get(10, TimeUnit.SECONDS);
      if (t == 2) {
        assertSame(b, strike.handler());
      } else {
        assertNull(strike);
      }
    }
  }

  @Test
  void samplesLeftFromBeforeTheTickAreNotCredited() throws Exception {
    Group a = new Group("a");
    Group b = new Group("b");
    registry.register(a);
    registry.register(b);

    for (int t = 0; t < 3; t++) {
      strikes.sampled(); // between ticks: no pass to mark, and tickStarted() forgets them
      strikes.sampled();
      strikes.tickStarted();
      CountDownLatch releaseA = a.blockNextCall();
      CountDownLatch releaseB = b.blockNextCall();
      var pass = tickThread.submit(registry::tryRunAll);
      await(a.entered);
      strikes.sampled();
      releaseA.countDown();
      await(b.entered);
      strikes.sampled();
      strikes.sampled();
      releaseB.countDown();
      pass.get(10, TimeUnit.SECONDS);
      OverrunStrikes.Strike strike =
          tickThread.submit(() -> strikes.tickEnded(true)).get(10, TimeUnit.SECONDS);
      assertSame(t == 2 ? b : null, strike == null ? null : strike.handler(), "tick " + t);
    }
  }

  @Test
  void strikesMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new OverrunStrikes(0, registry::markRunningCall, clock::get));
    assertEquals("evictOverrunningHandlers must be positive: 0", e.getMessage());
  }
}
