package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import meshos.tick.MissedTickPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tick thread on a clock that only the test moves: each tick is made due by moving the clock
 * and waking the loop, and observed through a queue (bounded polls, no sleeps).
 */
@Timeout(30)
class TickLoopTest {
  private static final long MS = 1_000_000L;
  private static final long INTERVAL = 100 * MS;

  private final AtomicLong clock = new AtomicLong(1_000 * MS);
  private final ReentrantLock gate = new ReentrantLock();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final AtomicInteger lateTicks = new AtomicInteger();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final CountDownLatch exited = new CountDownLatch(1);
  private volatile Runnable tickBody = () -> { };
  private final TickLoop loop = new TickLoop("meshos-tick-test",
      new TickSchedule(MissedTickPolicy.BURST, INTERVAL, clock::get), gate, running::get,
      lateness -> {
        tickBody.run();
        events.add(lateness);
      },
      lateTicks::incrementAndGet, t -> {
        failures.add(t);
        events.add(t);
      });

  @AfterEach
  void stop() throws InterruptedException {
    running.set(false);
    loop.wake();
    if (loop.thread() != null) {
      assertTrue(exited.await(10, TimeUnit.SECONDS), "the loop did not end");
    }
  }

  private void start() {
    loop.start(() -> {
      events.add("exit on " + Thread.currentThread().getName());
      exited.countDown();
    });
  }

  /** Moves the clock by {@code ms} and wakes the loop. */
  private void advance(long ms) {
    clock.addAndGet(ms * MS);
    loop.wake();
  }

  /** Spins until {@code condition} holds; fails with {@code message} after 10 s. */
  private static void awaitTrue(BooleanSupplier condition, String message) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, message);
      Thread.onSpinWait();
    }
  }

  private Object next() throws InterruptedException {
    Object e = events.poll(10, TimeUnit.SECONDS);
    if (e == null) {
      throw new AssertionError("no tick within 10 s");
    }
    return e;
  }

  @Test
  void beforeStartThereIsNoThreadAndWakeDoesNothing() {
    assertNull(loop.thread());
    loop.wake();
    assertEquals(0, loop.parks());
  }

  @Test
  void aTickRunsWhenDueWithItsLatenessAndALateOneIsReported() throws Exception {
    start();
    assertEquals("meshos-tick-test", loop.thread().getName());
    assertTrue(loop.thread().isDaemon());
    advance(100); // due exactly
    assertEquals(0L, next());
    assertEquals(0, lateTicks.get());
    advance(150); // the second tick was due at 200: started 50 ms late
    assertEquals(50 * MS, next());
    assertEquals(1, lateTicks.get());
    // No tick is due now (the clock stands still): the loop parks, at the latest once it has
    // finished the second tick. Waited for, bounded: right after the event it may not have yet.
    awaitTrue(() -> loop.parks() > 0, "the loop parks while no tick is due");
  }

  @Test
  void aThrowEscapingATickIsReportedAndTheScheduleStillMovesOn() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    tickBody = () -> {
      throw boom;
    };
    start();
    advance(100);
    assertSame(boom, next());
    tickBody = () -> { };
    assertTrue(events.isEmpty(), "no second tick before the next due time");
    advance(100);
    assertEquals(0L, next());
    assertEquals(List.of(boom), failures);
  }

  @Test
  void aTickIsHeldUnderTheGateAndNoTickRunsOnceStoppedWhileWaitingForIt() throws Exception {
    tickBody = () -> events.add(gate.isHeldByCurrentThread() ? "gate held" : "gate free");
    start();
    advance(100);
    assertEquals("gate held", next());
    assertEquals(0L, next());

    gate.lock();
    try {
      advance(100); // due, but the loop waits for the gate
      awaitTrue(() -> gate.hasQueuedThread(loop.thread()), "the loop never waited for the gate");
      running.set(false);
    } finally {
      gate.unlock();
    }
    loop.wake();
    assertEquals("exit on meshos-tick-test", next(), "the stop is seen under the gate");
    assertTrue(events.isEmpty());
  }

  @Test
  void anInterruptOfTheTickThreadNeverReachesATick() throws Exception {
    tickBody = () -> events.add(Thread.currentThread().isInterrupted());
    start();
    advance(100);
    assertEquals(false, next());
    next();
    loop.thread().interrupt();
    advance(100);
    assertEquals(false, next());
    assertFalse(failures.iterator().hasNext());
  }
}
