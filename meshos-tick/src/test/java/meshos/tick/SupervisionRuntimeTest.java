package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.registry.LockingRecoveryRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Supervision through the runtime, with manual ticks and a fake clock (seconds): restarts, their
 * order, give-ups, the sliding window, cancellation by unregister, fatal errors, close().
 */
@Timeout(30)
class SupervisionRuntimeTest {
  private static final long S = 1_000_000_000L;
  private final AtomicLong clock = new AtomicLong(1_000 * S);
  private final List<String> log = new ArrayList<>();
  private final List<MeshOsRuntime> runtimes = new ArrayList<>();

  @AfterEach
  void close() {
    runtimes.forEach(MeshOsRuntime::close);
  }

  private MeshOsRuntime runtime(Supervision supervision) {
    MeshOsRuntime runtime = MeshOsRuntime.builder()
        .name("superv")
        .manualTicks()
        .discoverProviders(false)
        .nanoClock(clock::get)
        .tickBudget(Duration.ofDays(1))
        .supervision(supervision)
        .build()
        .start();
    runtimes.add(runtime);
    return runtime;
  }

  private static Supervision backoff(long minSeconds, long maxSeconds) {
    return Supervision.restartWithBackoff(Duration.ofSeconds(minSeconds),
        Duration.ofSeconds(maxSeconds));
  }

  /** Logs its name; throws while {@code failures} is positive (counting it down). */
  private RecoveryHandler flaky(String name, AtomicInteger failures) {
    return Handlers.named(name, () -> {
      log.add(name);
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException(name + " failed");
      }
      return Handlers.NONE;
    });
  }

  private TickReport tickAt(MeshOsRuntime runtime, long seconds) {
    clock.set(1_000 * S + seconds * S);
    return runtime.tick();
  }

  @Test
  void aFlakyHandlerIsQuarantinedThenRestartedAtTheEndOfTheOrder() {
    MeshOsRuntime runtime = runtime(backoff(2, 60));
    RecoveryRegistry registry = runtime.recoveryRegistry();
    AtomicInteger failures = new AtomicInteger(1);
    registry.register(flaky("flaky", failures));
    registry.register(flaky("steady", new AtomicInteger()));

    TickReport first = tickAt(runtime, 0);
    assertEquals(1, first.evictions().size());
    assertEquals(List.of(), first.restarted());
    assertEquals(1, registry.size(), "a quarantined handler is not counted");
    QuarantinedHandler q = runtime.quarantine().get(0);
    assertEquals("flaky", q.name());
    assertEquals(1, q.evictions());
    assertEquals(1_002 * S, q.nextAttemptNanos());
    assertInstanceOf(IllegalStateException.class, q.lastCause());

    assertEquals(List.of(), tickAt(runtime, 1).restarted(), "backoff not over");
    TickReport restart = tickAt(runtime, 2);
    assertEquals(List.of("flaky"), restart.restarted());
    assertEquals(List.of(), runtime.quarantine());
    assertEquals(2, registry.size());
    assertEquals(List.of("flaky", "steady", "steady", "steady", "flaky"), log,
        "restarted at the end of the order, in the tick that restarted it");
    assertEquals(1, runtime.stats().restarts());
    assertEquals(0, runtime.stats().givenUp());
  }

  @Test
  void backoffDoublesUpToItsCap() {
    MeshOsRuntime runtime = runtime(backoff(1, 4));
    runtime.recoveryRegistry().register(flaky("h", new AtomicInteger(Integer.MAX_VALUE)));
    long t = 0;
    tickAt(runtime, t);
    for (long backoff : new long[] {1, 2, 4, 4}) {
      assertEquals((1_000 + t + backoff) * S, runtime.quarantine().get(0).nextAttemptNanos());
      assertEquals(List.of(), tickAt(runtime, t + backoff - 1).restarted());
      t += backoff;
      assertEquals(List.of("h"), tickAt(runtime, t).restarted()); // and it fails again
    }
  }

  @Test
  void aHandlerFailingEveryCallIsGivenUpAfterExactlyMaxRestarts() {
    MeshOsRuntime runtime = runtime(backoff(1, 1).maxRestarts(3, Duration.ofMinutes(10)));
    runtime.recoveryRegistry().register(flaky("h", new AtomicInteger(Integer.MAX_VALUE)));
    List<TickReport> reports = new ArrayList<>();
    for (int s = 0; s < 20; s++) {
      reports.add(tickAt(runtime, s));
    }
    long restarts = reports.stream().mapToLong(r -> r.restarted().size()).sum();
    List<HandlerEviction> givenUp =
        reports.stream().flatMap(r -> r.givenUp().stream()).toList();
    assertEquals(3, restarts);
    assertEquals(1, givenUp.size());
    assertEquals("h", givenUp.get(0).name());
    assertEquals(4, log.size(), "the first call and three restarts");
    assertEquals(List.of(), runtime.quarantine());
    assertEquals(3, runtime.stats().restarts());
    assertEquals(1, runtime.stats().givenUp());
    assertEquals(4, runtime.stats().evictions());
  }

  @Test
  void restartsOlderThanTheWindowStopCounting() {
    MeshOsRuntime runtime = runtime(backoff(1, 1).maxRestarts(1, Duration.ofSeconds(10)));
    AtomicInteger failures = new AtomicInteger(1);
    runtime.recoveryRegistry().register(flaky("h", failures));
    tickAt(runtime, 0); // evicted
    assertEquals(List.of("h"), tickAt(runtime, 1).restarted()); // restart 1 at t=1, runs fine
    failures.set(1);
    assertEquals(List.of(), tickAt(runtime, 11).givenUp(), "t=1 left the window at t=11");
    assertEquals(List.of("h"), tickAt(runtime, 12).restarted());
    failures.set(1);
    assertEquals(1, tickAt(runtime, 13).givenUp().size(), "t=12 counts");
  }

  @Test
  void unregisterCancelsAQuarantine() {
    MeshOsRuntime runtime = runtime(backoff(1, 1));
    RecoveryHandler h = flaky("h", new AtomicInteger(1));
    runtime.recoveryRegistry().register(h);
    tickAt(runtime, 0);
    assertEquals(1, runtime.quarantine().size());

    assertTrue(runtime.recoveryRegistry().unregister(h));
    assertEquals(List.of(), runtime.quarantine());
    assertEquals(List.of(), tickAt(runtime, 5).restarted());
    assertFalse(runtime.recoveryRegistry().unregister(h));
    assertEquals(0, runtime.recoveryRegistry().size());
  }

  @Test
  void aHandlerUnregisteringItselfThenThrowingIsNotRestarted() {
    MeshOsRuntime runtime = runtime(backoff(1, 1));
    RecoveryRegistry registry = runtime.recoveryRegistry();
    RecoveryHandler[] self = new RecoveryHandler[1];
    self[0] = Handlers.named("quitter", () -> {
      registry.unregister(self[0]);
      throw new IllegalStateException("after unregistering");
    });
    registry.register(self[0]);
    assertEquals(1, tickAt(runtime, 0).evictions().size());
    assertEquals(List.of(), runtime.quarantine());
    assertEquals(List.of(), tickAt(runtime, 5).restarted());
  }

  @Test
  void aFatalErrorIsNeverRestarted() {
    MeshOsRuntime runtime = runtime(backoff(1, 1));
    runtime.recoveryRegistry().register(Handlers.named("oom", () -> {
      throw new OutOfMemoryError("test: not a real one");
    }));
    TickReport report = tickAt(runtime, 0);
    assertEquals(1, report.givenUp().size());
    assertEquals(List.of(), runtime.quarantine());
    assertEquals(List.of(), tickAt(runtime, 100).restarted());
  }

  @Test
  void nothingIsRestartedAfterClose() {
    MeshOsRuntime runtime = runtime(backoff(1, 1));
    runtime.recoveryRegistry().register(flaky("h", new AtomicInteger(1)));
    tickAt(runtime, 0);
    runtime.close();
    assertEquals(List.of(), runtime.quarantine());
    assertThrows(IllegalStateException.class, () -> tickAt(runtime, 10));
    assertEquals(0, runtime.recoveryRegistry().size());
    assertEquals(0, runtime.stats().restarts());
  }

  @Test
  void theDefaultEvictsForGood() {
    MeshOsRuntime runtime = runtime(Supervision.evict());
    runtime.recoveryRegistry().register(flaky("h", new AtomicInteger(1)));
    TickReport report = tickAt(runtime, 0);
    assertEquals(1, report.evictions().size());
    assertEquals(List.of(), report.givenUp(), "evicted, not given up: nothing was supervised");
    assertEquals(List.of(), runtime.quarantine());
    assertEquals(List.of(), tickAt(runtime, 100).restarted());
  }

  @Test
  void supervisionNeedsTheRuntimesOwnRegistry() {
    MeshOsRuntime.Builder b = MeshOsRuntime.builder().manualTicks()
        .recoveryRegistry(new LockingRecoveryRegistry()).supervision(backoff(1, 1));
    IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
    assertTrue(e.getMessage().contains("supervision"), e.getMessage());
    assertSame(b, b.supervision(Supervision.evict()));
    b.build().close();
  }
}
