package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * evictOverrunningHandlers: manual ticks on a helper thread, a fake clock moved past the budget
 * while a handler is held in its call, and the watchdog's sample of that tick awaited (through
 * {@code stats().overruns()}) before the call is let go.
 */
@Timeout(60)
class OverrunEnforcementTest {
  private static final long MS = 1_000_000L;
  private final AtomicLong clock = new AtomicLong(1_000_000 * MS);
  private final ExecutorService ticker = Executors.newSingleThreadExecutor();
  private MeshOsRuntime runtime;

  @AfterEach
  void close() {
    if (runtime != null) {
      runtime.close();
    }
    ticker.shutdownNow();
  }

  private MeshOsRuntime start(Supervision supervision) {
    runtime = MeshOsRuntime.builder()
        .name("overrun")
        .manualTicks()
        .discoverProviders(false)
        .nanoClock(clock::get)
        .tickBudget(Duration.ofMillis(20))
        .evictOverrunningHandlers(3)
        .supervision(supervision)
        .build()
        .start();
    return runtime;
  }

  /** A handler of one class for every instance; {@link #hold()} makes its next call block. */
  private static final class Gate {
    volatile CountDownLatch entered = new CountDownLatch(0);
    volatile CountDownLatch release = new CountDownLatch(0);

    RecoveryHandler handler(String name) {
      return Handlers.named(name, () -> {
        entered.countDown();
        await(release);
        return Handlers.NONE;
      });
    }

    void hold() {
      entered = new CountDownLatch(1);
      release = new CountDownLatch(1);
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

  /** One tick in which {@code slow} (if not null) runs 100 ms of fake time, seen by the watchdog. */
  private TickReport tick(Gate slow) throws Exception {
    if (slow == null) {
      return ticker.submit(runtime::tick).get(10, TimeUnit.SECONDS);
    }
    slow.hold();
    long overruns = runtime.stats().overruns();
    Future<TickReport> tick = ticker.submit(runtime::tick);
    await(slow.entered);
    clock.addAndGet(100 * MS);
    // The watchdog counts an overrun once it has sampled this very tick in flight (a sample's
    // seam call may lag behind from the previous tick; the counter cannot).
    Handlers.awaitCondition(() -> runtime.stats().overruns() > overruns);
    slow.release.countDown();
    TickReport report = tick.get(10, TimeUnit.SECONDS);
    assertTrue(report.overBudget());
    return report;
  }

  @Test
  void twoInstancesOfOneClassOnlyTheSlowOneIsTakenOffTheTick() throws Exception {
    start(Supervision.evict());
    Gate fastGate = new Gate();
    Gate slowGate = new Gate();
    RecoveryHandler fast = fastGate.handler("fast");
    RecoveryHandler slow = slowGate.handler("slow");
    assertSame(fast.getClass(), slow.getClass());
    runtime.recoveryRegistry().register(fast);
    runtime.recoveryRegistry().register(slow);
    runtime.recoveryRegistry().register(fastGate.handler("after"));

    assertEquals(List.of(), tick(slowGate).evictions());
    assertEquals(List.of(), tick(slowGate).evictions());
    TickReport third = tick(slowGate);

    assertEquals(1, third.evictions().size());
    HandlerEviction eviction = third.evictions().get(0);
    assertSame(slow, eviction.handler());
    HandlerOverrunException cause =
        assertInstanceOf(HandlerOverrunException.class, eviction.cause());
    assertEquals("slow", cause.handler());
    assertEquals(3, cause.strikes());
    assertEquals(Duration.ofMillis(20), cause.budget());
    assertEquals(2, runtime.recoveryRegistry().size(), "fast and after stay");
    assertEquals(1, runtime.stats().evictions());
    assertEquals(2, tick(null).handlersRun(), "slow no longer runs");
  }

  @Test
  void anOnTimeTickResetsTheStrikes() throws Exception {
    start(Supervision.evict());
    Gate gate = new Gate();
    runtime.recoveryRegistry().register(gate.handler("slow"));

    tick(gate);
    tick(gate);
    assertTrue(!tick(null).overBudget());
    assertEquals(List.of(), tick(gate).evictions());
    assertEquals(List.of(), tick(gate).evictions());
    assertEquals(1, tick(gate).evictions().size());
  }

  @Test
  void anOverrunEvictionIsSupervisedLikeAnyOther() throws Exception {
    start(Supervision.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    Gate gate = new Gate();
    runtime.recoveryRegistry().register(gate.handler("slow"));
    tick(gate);
    tick(gate);
    assertEquals(1, tick(gate).evictions().size());
    QuarantinedHandler q = runtime.quarantine().get(0);
    assertInstanceOf(HandlerOverrunException.class, q.lastCause());
    clock.addAndGet(1_000 * MS);
    assertEquals(List.of("slow"), tick(null).restarted());
  }

  @Test
  void strikesMustBePositive() {
    assertThrows(IllegalArgumentException.class,
        () -> MeshOsRuntime.builder().evictOverrunningHandlers(0));
  }
}
