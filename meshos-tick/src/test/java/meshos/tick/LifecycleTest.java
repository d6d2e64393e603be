package meshos.tick;

import static meshos.tick.Handlers.NONE;
import static meshos.tick.Handlers.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC "Lifecycle": NEW → RUNNING → STOPPING → TERMINATED, and every promise of close() and
 * start(). Waits are on latches and thread states; the few elapsed-time assertions are lower
 * bounds (a wait cannot end before its timeout) or far below a 10 s timeout that a stall would
 * take.
 */
@Timeout(60)
class LifecycleTest {
  private static final long STALL_MS = 5_000; // half the 10 s shutdown timeout of the stall tests

  private static MeshOsRuntime.Builder manual() {
    return MeshOsRuntime.builder().manualTicks().discoverProviders(false);
  }

  private static MeshOsRuntime.Builder runtime(boolean threaded) {
    MeshOsRuntime.Builder b = MeshOsRuntime.builder().discoverProviders(false);
    return threaded ? b.tickInterval(Duration.ofMillis(1)) : b.manualTicks();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "latch not released within 10 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Test
  void statesFollowTheLifecycleAndCloseIsIdempotent() {
    MeshOsRuntime runtime = manual().build();
    assertEquals(RuntimeState.NEW, runtime.state());
    runtime.start();
    assertEquals(RuntimeState.RUNNING, runtime.state());
    runtime.close();
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    runtime.close();
    assertEquals(RuntimeState.TERMINATED, runtime.state(), "close is idempotent");
  }

  @Test
  void tickBeforeStartAfterCloseOrOnAThreadedRuntimeIsAnIllegalState() {
    MeshOsRuntime runtime = manual().build();
    assertTrue(assertThrows(IllegalStateException.class, runtime::tick).getMessage()
        .contains("NEW"));
    runtime.start();
    runtime.close();
    assertTrue(assertThrows(IllegalStateException.class, runtime::tick).getMessage()
        .contains("TERMINATED"));
    assertTrue(assertThrows(IllegalStateException.class, runtime::start).getMessage()
        .contains("TERMINATED"));

    MeshOsRuntime threaded = MeshOsRuntime.builder().discoverProviders(false).build();
    assertTrue(assertThrows(IllegalStateException.class, threaded::tick).getMessage()
        .contains("manualTicks"));
  }

  /** Finding 7: a runtime closed before start() is terminated and its queue refuses offers. */
  @Test
  void closeWithoutStartTerminatesAndTheQueueRefusesEveryOffer() {
    List<String> ran = new CopyOnWriteArrayList<>();
    MeshOsRuntime runtime = manual().name("never-started").build();
    assertTrue(runtime.actions().offer(() -> ran.add("before close")), "queued while NEW");

    runtime.close();

    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertFalse(runtime.actions().offer(() -> ran.add("after close")));
    assertEquals(1, runtime.stats().actionsDropped());
    assertEquals(1, runtime.stats().actionsAbandoned(), "the action queued while NEW never runs");
    assertThrows(IllegalStateException.class, runtime::start);
    assertEquals(List.of(), ran);
    assertEquals(List.of(), RuntimeThreads.namesOf("never-started"));
  }

  @Test
  void closeFromInsideAManualTickOnlyRequestsTheStopAndTheTickEndsIt() {
    MeshOsRuntime runtime = manual().build().start();
    List<RuntimeState> seen = new ArrayList<>();
    runtime.recoveryRegistry().register(() -> {
      runtime.close();
      seen.add(runtime.state());
      return new int[] {1};
    });
    runtime.recoveryRegistry().register(() -> new int[] {2});

    TickReport report = runtime.tick();

    assertEquals(List.of(RuntimeState.STOPPING), seen);
    assertEquals(2, report.slotsRecovered(), "the tick finished");
    assertEquals(RuntimeState.TERMINATED, runtime.state());
  }

  /**
   * Issue 16.6: close() from a handler, a probe or a tick listener returns at once (no self-join)
   * and the loop ends without a timeout-sized wait.
   */
  @ParameterizedTest
  @ValueSource(strings = {"handler", "probe", "listener"})
  void closeFromTheTickThreadReturnsAtOnceAndTheLoopEndsWithoutWaitingTheTimeout(String from)
      throws Exception {
    AtomicReference<MeshOsRuntime> self = new AtomicReference<>();
    AtomicReference<RuntimeState> stateAfterClose = new AtomicReference<>();
    CountDownLatch closedInside = new CountDownLatch(1);
    List<Long> closeMillis = new CopyOnWriteArrayList<>();
    Runnable closeOnce = () -> {
      if (closedInside.getCount() == 0) {
        return;
      }
      long start = System.nanoTime();
      self.get().close();
      closeMillis.add(millisSince(start));
      stateAfterClose.set(self.get().state());
      closedInside.countDown();
    };
    MeshOsRuntime.Builder b = MeshOsRuntime.builder().name("self-close-" + from)
        .tickInterval(Duration.ofMillis(1)).discoverProviders(false)
        .shutdownTimeout(Duration.ofSeconds(10));
    if (from.equals("listener")) {
      b.addTickListener(r -> closeOnce.run());
    }
    MeshOsRuntime runtime = b.build();
    self.set(runtime);
    if (from.equals("handler")) {
      runtime.recoveryRegistry().register(() -> {
        closeOnce.run();
        return NONE;
      });
    } else if (from.equals("probe")) {
      runtime.probeRegistry().addHealthProbe(() -> {
        closeOnce.run();
        return List.of();
      });
    }
    long started = System.nanoTime();
    runtime.start();
    await(closedInside);

    runtime.close(); // from outside: returns once terminated

    assertEquals(RuntimeState.STOPPING, stateAfterClose.get(), "only requested the stop");
    assertTrue(closeMillis.get(0) < STALL_MS, "close() inside the tick took " + closeMillis);
    assertTrue(millisSince(started) < STALL_MS, "the stop waited for its own thread");
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertEquals(1, runtime.stats().ticks(), "no tick after the one that asked for the stop");
  }

  /**
   * Finding 3: close() from an action returns at once; the stop completes without stalling for the
   * shutdown timeout, and the action queued behind it still runs.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void closeFromAnActionReturnsAtOnceAndTheStopCompletesWithoutStalling(boolean threaded) {
    MeshOsRuntime runtime = runtime(threaded).name("action-close-" + threaded)
        .shutdownTimeout(Duration.ofSeconds(10)).build().start();
    CountDownLatch closeReturned = new CountDownLatch(1);
    AtomicReference<RuntimeState> stateAfterClose = new AtomicReference<>();
    List<String> ran = new CopyOnWriteArrayList<>();
    long started = System.nanoTime();
    assertTrue(runtime.actions().offer(() -> {
      runtime.close();
      stateAfterClose.set(runtime.state());
      closeReturned.countDown();
    }));
    assertTrue(runtime.actions().offer(() -> ran.add("queued behind it")));

    await(closeReturned);
    runtime.close();

    assertEquals(RuntimeState.STOPPING, stateAfterClose.get());
    assertTrue(millisSince(started) < STALL_MS, "the stop stalled: " + millisSince(started) + " ms");
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertEquals(List.of("queued behind it"), ran);
    assertEquals(0, runtime.stats().actionsAbandoned());
  }

  /**
   * Finding 4: the tick in flight outlasts the timeout, one action blocks and two are queued: close()
   * waits the timeout for each, abandons and counts the two before returning, and they never run.
   */
  @Test
  void shutdownTimeoutBoundsEachWaitAndAbandonedActionsAreCountedBeforeCloseReturns()
      throws Exception {
    long timeoutMs = 300;
    RecordingLogger log = new RecordingLogger();
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("two-waits").discoverProviders(false)
        .tickInterval(Duration.ofMillis(1)).shutdownTimeout(Duration.ofMillis(timeoutMs))
        .logger(log).build();
    CountDownLatch inTick = new CountDownLatch(1);
    CountDownLatch releaseTick = new CountDownLatch(1);
    CountDownLatch inAction = new CountDownLatch(1);
    CountDownLatch releaseAction = new CountDownLatch(1);
    List<String> ran = new CopyOnWriteArrayList<>();
    runtime.recoveryRegistry().register(() -> {
      inTick.countDown();
      await(releaseTick);
      return NONE;
    });
    runtime.start();
    try {
      await(inTick);
      assertTrue(runtime.actions().offer(() -> {
        inAction.countDown();
        await(releaseAction);
      }));
      await(inAction);
      assertTrue(runtime.actions().offer(() -> ran.add("queued 1")));
      assertTrue(runtime.actions().offer(() -> ran.add("queued 2")));

      long started = System.nanoTime();
      runtime.close();
      long elapsed = millisSince(started);

      assertEquals(RuntimeState.TERMINATED, runtime.state());
      assertEquals(2, runtime.stats().actionsAbandoned(), "counted before close() returned");
      assertTrue(elapsed >= 2 * timeoutMs, "each wait is bounded on its own: " + elapsed + " ms");
      assertTrue(log.contains("did not end within"), "the tick in flight really did not end");
    } finally {
      releaseAction.countDown();
      releaseTick.countDown();
    }
    assertEquals(List.of(), RuntimeThreads.awaitGone("two-waits"));
    assertEquals(List.of(), ran, "abandoned actions never run");
    assertEquals(2, runtime.stats().actionsAbandoned());
  }

  @Test
  void aTickThatEndsWithinTheTimeoutIsNotReportedAsStuck() throws Exception {
    RecordingLogger log = new RecordingLogger();
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("tick-ends").discoverProviders(false)
        .tickInterval(Duration.ofMillis(1)).shutdownTimeout(Duration.ofSeconds(10))
        .logger(log).build();
    CountDownLatch inTick = new CountDownLatch(1);
    CountDownLatch releaseTick = new CountDownLatch(1);
    AtomicBoolean once = new AtomicBoolean();
    runtime.recoveryRegistry().register(() -> {
      if (once.compareAndSet(false, true)) {
        inTick.countDown();
        await(releaseTick);
      }
      return NONE;
    });
    runtime.start();
    await(inTick);
    Thread closer = new Thread(runtime::close, "closer");
    closer.start();
    awaitCondition(() -> runtime.state() == RuntimeState.STOPPING && RuntimeThreads.isWaiting(closer));
    releaseTick.countDown();
    closer.join(10_000);

    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertFalse(log.contains("did not end"), log.entries::toString);
  }

  /** Finding 5: every one of N concurrent closers returns only once TERMINATED, in both modes. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void concurrentClosersAllReturnOnlyOnceTerminated(boolean threaded) throws Exception {
    int closers = 8;
    MeshOsRuntime runtime = runtime(threaded).name("closers-" + threaded).build().start();
    CountDownLatch inAction = new CountDownLatch(1);
    CountDownLatch releaseAction = new CountDownLatch(1);
    AtomicBoolean queuedRan = new AtomicBoolean();
    assertTrue(runtime.actions().offer(() -> {
      inAction.countDown();
      await(releaseAction);
    }));
    assertTrue(runtime.actions().offer(() -> queuedRan.set(true)));
    await(inAction);
    CyclicBarrier go = new CyclicBarrier(closers);
    List<String> seen = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < closers; i++) {
      Thread t = new Thread(() -> {
        try {
          go.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new AssertionError(e);
        }
        runtime.close();
        seen.add(runtime.state() + (queuedRan.get() ? " after the queued action" : " too early"));
      }, "closer-" + i);
      threads.add(t);
      t.start();
    }
    // Every closer is inside close(), waiting: one for the actions, the others for it.
    awaitCondition(() -> runtime.state() == RuntimeState.STOPPING
        && threads.stream().allMatch(RuntimeThreads::isWaiting));
    assertEquals(List.of(), seen, "no closer returned while the stop is under way");
    releaseAction.countDown();
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertEquals(closers, seen.size());
    assertTrue(seen.stream().allMatch(s -> s.equals("TERMINATED after the queued action")),
        seen::toString);
  }

  /**
   * Finding 6: an interrupted closer still waits (bounded) for the manual tick in flight, whose
   * offers are still accepted, and keeps its interrupt status.
   */
  @Test
  void anInterruptedCloserStillWaitsForTheTickInFlightAndKeepsItsInterrupt() throws Exception {
    MeshOsRuntime runtime = manual().name("interrupted-closer").build().start();
    AtomicReference<Thread> closer = new AtomicReference<>();
    CountDownLatch inTick = new CountDownLatch(1);
    AtomicBoolean offerAccepted = new AtomicBoolean();
    AtomicBoolean actionRan = new AtomicBoolean();
    runtime.recoveryRegistry().register(() -> {
      inTick.countDown();
      // Wait until the closer is blocked inside close(): then the queue must still be open.
      awaitCondition(() -> closer.get() != null && runtime.state() == RuntimeState.STOPPING
          && RuntimeThreads.isWaiting(closer.get()));
      offerAccepted.set(runtime.actions().offer(() -> actionRan.set(true)));
      return NONE;
    });
    AtomicBoolean interruptKept = new AtomicBoolean();
    AtomicReference<RuntimeState> stateAfterClose = new AtomicReference<>();
    Thread ticker = new Thread(runtime::tick, "ticker");
    ticker.start();
    await(inTick);
    Thread t = new Thread(() -> {
      Thread.currentThread().interrupt();
      runtime.close();
      interruptKept.set(Thread.currentThread().isInterrupted());
      stateAfterClose.set(runtime.state());
    }, "interrupted-closer");
    closer.set(t);
    t.start();
    t.join(10_000);
    ticker.join(10_000);

    assertTrue(offerAccepted.get(), "the queue was closed under the tick in flight");
    assertTrue(actionRan.get(), "the action offered by the last tick ran before termination");
    assertTrue(interruptKept.get(), "close() restores the interrupt status");
    assertEquals(RuntimeState.TERMINATED, stateAfterClose.get());
  }

  /**
   * Finding 1: a start() whose discovery throws a fatal error (a provider's create or constructor)
   * terminates the runtime, leaves none of its threads running, and propagates the error.
   */
  @Test
  void aStartThatThrowsTerminatesLeavesNoThreadAndPropagatesTheError() throws Exception {
    OutOfMemoryError oom = new OutOfMemoryError("simulated: a provider's create");
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("failed-start")
        .tickInterval(Duration.ofMillis(1))
        .discoverer((context, register) -> {
          throw oom;
        }).build();

    assertSame(oom, assertThrows(OutOfMemoryError.class, runtime::start));

    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertEquals(List.of(), RuntimeThreads.namesOf("failed-start"));
    runtime.close();
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertFalse(runtime.actions().offer(() -> { }));
  }

  @Test
  void aStartThatThrowsAnExceptionTerminatesToo() {
    MeshOsRuntime runtime = manual().name("failed-start-2")
        .discoverer((context, register) -> {
          throw new IllegalStateException("simulated: discovery bug");
        }).build();
    assertThrows(IllegalStateException.class, runtime::start);
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertEquals(List.of(), RuntimeThreads.namesOf("failed-start-2"));
  }

  /**
   * Finding 8: while start() is stuck in a provider, state(), toString(), stats(), snapshot() and
   * providers() return, and close() from another thread returns within the shutdown timeout (plus
   * slack); the start then ends without a tick thread.
   */
  @Test
  void closeWhileStartIsStuckInAProviderIsBoundedAndNothingBlocks() throws Exception {
    CountDownLatch inProvider = new CountDownLatch(1);
    CountDownLatch releaseProvider = new CountDownLatch(1);
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("stuck-start")
        .tickInterval(Duration.ofMillis(1)).shutdownTimeout(Duration.ofMillis(200))
        .discoverer((context, register) -> {
          inProvider.countDown();
          await(releaseProvider);
          return List.of();
        }).build();
    AtomicReference<Throwable> startFailure = new AtomicReference<>();
    Thread starter = new Thread(() -> {
      try {
        runtime.start();
      } catch (Throwable t) {
        startFailure.set(t);
      }
    }, "starter");
    starter.start();
    try {
      await(inProvider);
      assertEquals(RuntimeState.RUNNING, runtime.state());
      assertTrue(runtime.toString().contains("RUNNING"));
      assertEquals(0, runtime.stats().ticks());
      assertEquals(0, runtime.snapshot().tick());
      assertEquals(List.of(), runtime.providers());

      long started = System.nanoTime();
      runtime.close();

      assertTrue(millisSince(started) < STALL_MS);
      assertEquals(RuntimeState.TERMINATED, runtime.state());
    } finally {
      releaseProvider.countDown();
    }
    starter.join(10_000);
    assertEquals(null, startFailure.get());
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertEquals(List.of(), RuntimeThreads.awaitGone("stuck-start"), "no tick thread started");
    assertEquals(0, runtime.stats().ticks());
  }

  @Test
  void closeFromAProviderDuringStartOnlyRequestsTheStopAndStartEndsIt() {
    AtomicReference<MeshOsRuntime> self = new AtomicReference<>();
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("provider-close")
        .tickInterval(Duration.ofMillis(1))
        .discoverer((context, register) -> {
          self.get().close();
          return List.of();
        }).build();
    self.set(runtime);
    runtime.start();
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertEquals(List.of(), RuntimeThreads.namesOf("provider-close"));
  }

  @Test
  void closeRunsQueuedActionsBeforeTerminating() {
    MeshOsRuntime runtime = manual().build().start();
    List<String> ran = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      assertTrue(runtime.actions().offer(() -> ran.add("a" + n)));
    }
    runtime.close();
    assertEquals(10, ran.size());
    assertEquals(0, runtime.stats().actionsAbandoned());
    assertEquals(10, runtime.stats().actionsRun());
    assertFalse(runtime.actions().offer(() -> ran.add("late")));
    assertEquals(1, runtime.stats().actionsDropped());
  }

  @Test
  void noTickStartsAfterCloseReturns() throws Exception {
    CountDownLatch ticked = new CountDownLatch(2);
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("no-tick-after-close")
        .tickInterval(Duration.ofMillis(1)).discoverProviders(false)
        .addTickListener(r -> ticked.countDown()).build().start();
    await(ticked);
    runtime.close();
    long ticks = runtime.stats().ticks();
    assertEquals(RuntimeState.TERMINATED, runtime.state());
    assertEquals(List.of(), RuntimeThreads.namesOf("no-tick-after-close"), "threads ended");
    assertEquals(ticks, runtime.stats().ticks());
  }

  /** A thousand start/close cycles leave no thread of the runtime alive. */
  @Test
  void aThousandStartCloseCyclesLeaveNoMeshosThreadAlive() {
    for (int i = 0; i < 1_000; i++) {
      MeshOsRuntime runtime = MeshOsRuntime.builder().name("cycles")
          .tickInterval(Duration.ofMillis(1)).discoverProviders(false).build().start();
      runtime.close();
      assertEquals(RuntimeState.TERMINATED, runtime.state());
    }
    assertEquals(List.of(), RuntimeThreads.namesOf("cycles"));
  }
}
