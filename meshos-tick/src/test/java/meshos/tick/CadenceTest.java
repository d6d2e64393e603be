package meshos.tick;

import static meshos.tick.Handlers.NONE;
import static meshos.tick.Handlers.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import meshos.tick.internal.TickLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SPEC "Cadence": the tick thread driven by a fake clock. Time moves only when the test moves it
 * and wakes the loop, so every tick here is one the test asked for. (Deadlines per policy are in
 * TickScheduleTest.)
 */
@Timeout(60)
class CadenceTest {
  private static final long HOUR_MS = 3_600_000;
  private final FakeClock clock = new FakeClock();
  private final LinkedBlockingQueue<TickReport> reports = new LinkedBlockingQueue<>();
  private final List<Boolean> interruptedInTick = new CopyOnWriteArrayList<>();
  private final MeshOsRuntime runtime = MeshOsRuntime.builder()
      .name("cadence")
      .discoverProviders(false)
      .tickInterval(Duration.ofHours(1)) // a parked loop wakes only when the test wakes it
      .nanoClock(clock)
      .addTickListener(reports::add)
      .build();

  @AfterEach
  void close() {
    runtime.close();
  }

  private TickLoop loop() {
    TickLoop loop = runtime.tickLoop();
    assertTrue(loop != null);
    return loop;
  }

  private Thread tickThread() {
    Thread t = loop().thread();
    assertTrue(t != null);
    return t;
  }

  /** Waits until the tick thread is parked again after at least {@code parks} parks. */
  private void awaitParked(long parks) {
    awaitCondition(() -> loop().parks() >= parks
        && tickThread().getState() == Thread.State.TIMED_WAITING);
  }

  private TickReport nextTick() throws InterruptedException {
    TickReport report = reports.poll(10, TimeUnit.SECONDS);
    assertTrue(report != null, "no tick within 10 s");
    return report;
  }

  @Test
  void theFirstTickIsDueOneIntervalAfterStartOnTheRuntimeClock() throws Exception {
    runtime.start();
    awaitParked(1);

    clock.advanceMillis(HOUR_MS - 1);
    loop().wake();
    awaitParked(2);
    assertEquals(0, runtime.stats().ticks(), "not due yet");

    clock.advanceMillis(1);
    loop().wake();
    TickReport first = nextTick();
    assertEquals(1, first.tick());
    assertEquals(Duration.ZERO, first.lateness());

    clock.advanceMillis(HOUR_MS + 30); // 30 ms late: DELAY puts the next one interval after this one
    loop().wake();
    TickReport late = nextTick();
    assertEquals(Duration.ofMillis(30), late.lateness());
    assertEquals(1, runtime.stats().lateTicks());
  }

  /**
   * Finding 2: an interrupt of the idle tick thread from outside wakes it once; it clears the
   * flag and parks again (no spin), and the flag never reaches a tick.
   */
  @Test
  void anExternalInterruptOfTheIdleTickThreadIsClearedAndNeverSpins() throws Exception {
    runtime.recoveryRegistry().register(() -> {
      interruptedInTick.add(Thread.currentThread().isInterrupted());
      return NONE;
    });
    runtime.start();
    awaitParked(1);
    long parks = loop().parks();

    tickThread().interrupt();

    awaitParked(parks + 1);
    assertEquals(parks + 1, loop().parks(), "woke once and parked again: no spin");
    assertEquals(0, runtime.stats().ticks());

    clock.advanceMillis(HOUR_MS);
    tickThread().interrupt(); // wakes the loop like any interrupt; the tick is now due
    nextTick();
    assertEquals(List.of(false), interruptedInTick, "the interrupt never reaches a handler");
  }

  /** Issue 16.2: a handler that interrupts its thread does not leave the flag to the next tick. */
  @Test
  void aHandlersInterruptIsClearedBeforeTheNextTick() throws Exception {
    runtime.recoveryRegistry().register(() -> {
      interruptedInTick.add(Thread.currentThread().isInterrupted());
      Thread.currentThread().interrupt();
      return NONE;
    });
    runtime.start();
    for (int i = 0; i < 3; i++) {
      clock.advanceMillis(HOUR_MS);
      loop().wake();
      nextTick();
    }
    assertEquals(List.of(false, false, false), interruptedInTick);
  }
}
