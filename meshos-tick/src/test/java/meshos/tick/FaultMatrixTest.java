package meshos.tick;

import static meshos.tick.Handlers.NONE;
import static meshos.tick.Handlers.named;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import meshos.api.RecoveryHandler;
import meshos.probes.ProbeKind;
import meshos.registry.InvalidRecoveryResultException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's fault matrix ("Guarantees"): one test per fault, named after it. Each checks what
 * the user observes and that no other handler, probe or queued action was lost: a witness handler
 * registered after the faulty one recovers slot 9 every tick, a witness probe is polled every
 * tick, and an action queued before {@code close()} runs.
 */
@Timeout(60)
class FaultMatrixTest {
  private static final int[] WITNESS_SLOT = {9};

  private final AtomicInteger probePolls = new AtomicInteger();
  private final List<String> actionsRun = new CopyOnWriteArrayList<>();
  private final List<TickReport> reports = new CopyOnWriteArrayList<>();

  private MeshOsRuntime.Builder manual() {
    return MeshOsRuntime.builder().name("faults").manualTicks().discoverProviders(false)
        .addTickListener(reports::add);
  }

  /** A started manual runtime running {@code faulty} and then the witness handler. */
  private MeshOsRuntime runtimeWith(RecoveryHandler faulty) {
    MeshOsRuntime runtime = manual().build();
    runtime.probeRegistry().addHealthProbe(() -> {
      probePolls.incrementAndGet();
      return List.of();
    });
    runtime.recoveryRegistry().register(faulty);
    runtime.recoveryRegistry().register(named("witness", () -> WITNESS_SLOT));
    return runtime.start();
  }

  /** Ticks twice more, closes, and checks that nothing else was lost. */
  private void assertNothingElseLost(MeshOsRuntime runtime) {
    int polls = probePolls.get();
    assertArrayEquals(WITNESS_SLOT, lastSlotsOf(runtime.tick()), "witness handler still runs");
    assertArrayEquals(WITNESS_SLOT, lastSlotsOf(runtime.tick()));
    assertEquals(polls + 2, probePolls.get(), "witness probe still polled");
    assertTrue(runtime.actions().offer(() -> actionsRun.add("queued")));
    runtime.close();
    assertEquals(List.of("queued"), actionsRun, "queued action ran before termination");
    assertEquals(RuntimeState.TERMINATED, runtime.state());
  }

  private static int[] lastSlotsOf(TickReport report) {
    int[] slots = report.recoveredSlots();
    return slots.length == 0 ? slots : new int[] {slots[slots.length - 1]};
  }

  private void assertEvictedOnce(MeshOsRuntime runtime, RecoveryHandler faulty, Throwable cause) {
    TickReport report = runtime.tick();
    assertEquals(1, report.evictions().size());
    HandlerEviction eviction = report.evictions().get(0);
    assertSame(faulty, eviction.handler());
    assertEquals("faulty", eviction.name());
    if (cause != null) {
      assertSame(cause, eviction.cause());
    }
    assertArrayEquals(WITNESS_SLOT, report.recoveredSlots(), "the pass went on");
    assertEquals(1, runtime.stats().evictions());
    assertFalse(runtime.recoveryRegistry().unregister(faulty), "evicted for good");
    assertNothingElseLost(runtime);
  }

  @Test
  void handlerThrowsRuntimeException() {
    IllegalStateException cause = new IllegalStateException("bug");
    RecoveryHandler faulty = named("faulty", () -> {
      throw cause;
    });
    assertEvictedOnce(runtimeWith(faulty), faulty, cause);
  }

  @Test
  void handlerThrowsCheckedExceptionSneakily() {
    IOException cause = new IOException("disk");
    RecoveryHandler faulty = named("faulty", () -> {
      throw FaultMatrixTest.<RuntimeException>sneaky(cause);
    });
    assertEvictedOnce(runtimeWith(faulty), faulty, cause);
  }

  @Test
  void handlerThrowsAssertionError() {
    AssertionError cause = new AssertionError("invariant");
    RecoveryHandler faulty = named("faulty", () -> {
      throw cause;
    });
    assertEvictedOnce(runtimeWith(faulty), faulty, cause);
  }

  @Test
  void handlerThrowsStackOverflowError() {
    RecoveryHandler faulty = named("faulty", () -> recurse(0));
    MeshOsRuntime runtime = runtimeWith(faulty);
    assertEvictedOnce(runtime, faulty, null);
    assertEquals(0, runtime.stats().phaseFailures(), "not fatal: the stack has unwound");
  }

  @Test
  void handlerThrowsOutOfMemoryError() {
    OutOfMemoryError cause = new OutOfMemoryError("simulated");
    RecoveryHandler faulty = named("faulty", () -> {
      throw cause;
    });
    MeshOsRuntime runtime = runtimeWith(faulty);

    TickReport report = runtime.tick();

    assertSame(cause, report.evictions().get(0).cause());
    assertArrayEquals(NONE, report.recoveredSlots(), "a fatal error ends that pass");
    assertEquals(1, runtime.stats().phaseFailures());
    assertEquals(1, runtime.recoveryRegistry().size(), "the witness, not yet run, stays");
    assertNothingElseLost(runtime);
  }

  @Test
  void handlerReturnsNull() {
    RecoveryHandler faulty = named("faulty", () -> null);
    MeshOsRuntime runtime = runtimeWith(faulty);
    assertInstanceOf(InvalidRecoveryResultException.class,
        runtime.tick().evictions().get(0).cause());
    assertNothingElseLost(runtime);
  }

  @Test
  void handlerReturnsNegativeIndex() {
    RecoveryHandler faulty = named("faulty", () -> new int[] {2, -1});
    MeshOsRuntime runtime = runtimeWith(faulty);
    TickReport report = runtime.tick();
    assertInstanceOf(InvalidRecoveryResultException.class, report.evictions().get(0).cause());
    assertArrayEquals(WITNESS_SLOT, report.recoveredSlots(), "none of its slots reported");
    assertNothingElseLost(runtime);
  }

  @Test
  void handlerReentersRegisterUnregisterSizeAndTryRunAll() {
    List<Object> seen = new ArrayList<>();
    RecoveryHandler[] self = new RecoveryHandler[1];
    RecoveryHandler helper = () -> NONE;
    MeshOsRuntime[] rt = new MeshOsRuntime[1];
    self[0] = named("reentrant", () -> {
      seen.add(rt[0].recoveryRegistry().register(helper));
      seen.add(rt[0].recoveryRegistry().size());
      seen.add(rt[0].recoveryRegistry().unregister(helper));
      seen.add(rt[0].recoveryRegistry().tryRunAll().length);
      return NONE;
    });
    rt[0] = runtimeWith(self[0]);

    TickReport report = rt[0].tick();

    assertEquals(List.of(3, 3, true, 0), seen);
    assertTrue(report.evictions().isEmpty());
    assertNothingElseLost(rt[0]);
  }

  @Test
  void probeThrowsEveryTick() {
    MeshOsRuntime runtime = runtimeWith(named("fine", () -> NONE));
    IllegalStateException cause = new IllegalStateException("probe down");
    runtime.probeRegistry().addLocalityProbe(() -> {
      throw cause;
    });

    for (int i = 1; i <= 3; i++) {
      TickReport report = runtime.tick();
      assertEquals(ProbeKind.LOCALITY, report.probeFailures().get(0).kind());
      assertSame(cause, report.probeFailures().get(0).cause());
    }

    assertEquals(3, runtime.stats().probeFailures());
    assertEquals(1, runtime.probeRegistry().counts().locality(), "kept");
    assertNothingElseLost(runtime);
  }

  @Test
  void tickListenerThrows() {
    MeshOsRuntime runtime = manual().addTickListener(r -> {
      throw new IllegalStateException("listener bug");
    }).addTickListener(reports::add).build();
    runtime.recoveryRegistry().register(named("witness", () -> WITNESS_SLOT));
    runtime.start();

    runtime.tick();
    runtime.tick();

    assertEquals(2, runtime.stats().listenerFailures());
    assertEquals(4, reports.size(), "listeners before and after the thrower still ran");
    runtime.close();
  }

  @Test
  void actionThrows() {
    MeshOsRuntime runtime = runtimeWith(named("fine", () -> NONE));
    assertTrue(runtime.actions().offer(() -> {
      throw new IllegalStateException("action bug");
    }));
    assertNothingElseLost(runtime);
    assertEquals(1, runtime.stats().actionsFailed());
    assertEquals(1, runtime.stats().actionsRun());
  }

  @Test
  void actionQueueFull() throws Exception {
    MeshOsRuntime runtime = manual().actionQueueCapacity(1).build().start();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      assertTrue(runtime.actions().offer(() -> {
        running.countDown();
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      assertTrue(running.await(10, TimeUnit.SECONDS));
      assertTrue(runtime.actions().offer(() -> actionsRun.add("fits")));

      assertFalse(runtime.actions().offer(() -> actionsRun.add("dropped")), "never blocks");

      assertEquals(1, runtime.stats().actionsDropped());
    } finally {
      release.countDown();
      runtime.close();
    }
    assertEquals(List.of("fits"), actionsRun, "the accepted action still ran");
  }

  @Test
  void registerAfterClose() {
    MeshOsRuntime runtime = runtimeWith(named("fine", () -> NONE));
    runtime.close();

    assertEquals(3, runtime.recoveryRegistry().register(() -> WITNESS_SLOT),
        "the registry accepts it");

    assertThrows(IllegalStateException.class, runtime::tick, "but no tick will ever run it");
    assertFalse(runtime.actions().offer(() -> { }), "and the action queue is closed");
  }

  @Test
  void startTwice() {
    MeshOsRuntime runtime = runtimeWith(named("fine", () -> NONE));
    IllegalStateException e = assertThrows(IllegalStateException.class, runtime::start);
    assertTrue(e.getMessage().contains("RUNNING"));
    assertNothingElseLost(runtime);
  }

  private static int[] recurse(int depth) {
    return depth < 0 ? NONE : recurse(depth + 1);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
