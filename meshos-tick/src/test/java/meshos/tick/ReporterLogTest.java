package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the tick reporter logs, on a clock only the test moves: the overrun WARNING at most once a
 * minute with the count of those it left out, a failed phase as an ERROR, and an eviction by a
 * pass that is not a tick's. Records are read after close(), which drains the log thread.
 */
@Timeout(60)
class ReporterLogTest {
  private static final int[] NONE = new int[0];
  private final FakeClock clock = new FakeClock();
  private final RecordingLogger log = new RecordingLogger();

  private MeshOsRuntime.Builder manual(String name) {
    return MeshOsRuntime.builder().name(name).manualTicks().discoverProviders(false)
        .nanoClock(clock).logger(log);
  }

  private List<String> messages(String containing) {
    return log.entries.stream().map(RecordingLogger.Entry::message)
        .filter(m -> m.contains(containing)).toList();
  }

  @Test
  void anOverrunIsLoggedAtMostOnceAMinuteWithTheCountOfThoseLeftOut() {
    MeshOsRuntime runtime = manual("over").tickBudget(Duration.ofMillis(10)).build();
    runtime.recoveryRegistry().register(() -> {
      clock.advanceMillis(20); // every tick takes 20 ms of a 10 ms budget
      return NONE;
    });
    runtime.start();
    runtime.tick(); // logged; ends at +20 ms
    clock.advanceMillis(30_000);
    runtime.tick(); // ends 30.02 s after the logged one: left out
    clock.advanceMillis(29_960);
    runtime.tick(); // ends exactly 60 s after the logged one: logged, counting one left out
    runtime.tick(); // 20 ms later: left out
    runtime.close();

    List<String> overruns = messages("over its budget");
    assertEquals(2, overruns.size(), overruns.toString());
    assertTrue(overruns.get(0).startsWith("runtime 'over': tick 1 took PT0.02S, over its budget"
        + " of PT0.01S; longest: "), overruns.get(0));
    assertTrue(overruns.get(1).startsWith("runtime 'over': tick 3 took"), overruns.get(1));
    assertTrue(!overruns.get(0).contains("earlier"), overruns.get(0));
    assertTrue(overruns.get(1).endsWith(" (1 earlier overrun(s) not logged)"), overruns.get(1));
    assertEquals(4, runtime.stats().overruns());
  }

  @Test
  void aFailedPhaseIsCountedAndLoggedAsAnErrorSayingWhetherItWasFatal() {
    IllegalStateException bug = new IllegalStateException("pass bug");
    OutOfMemoryError fatal = new OutOfMemoryError("simulated");
    AtomicInteger passes = new AtomicInteger();
    RecoveryRegistry failing = new RecoveryRegistry() {
      @Override
      public int register(RecoveryHandler handler) {
        return 1;
      }

      @Override
      public boolean unregister(RecoveryHandler handler) {
        return false;
      }

      @Override
      public int size() {
        return 0;
      }

      @Override
      public boolean isEmpty() {
        return true;
      }

      @Override
      public int[] tryRunAll() {
        if (passes.incrementAndGet() == 1) {
          throw bug;
        }
        throw fatal;
      }
    };
    MeshOsRuntime runtime = manual("phases").recoveryRegistry(failing).build();
    runtime.start();
    runtime.tick();
    runtime.tick();
    runtime.close();

    List<RecordingLogger.Entry> errors = log.entries.stream()
        .filter(e -> e.level() == System.Logger.Level.ERROR).toList();
    assertEquals(2, errors.size(), errors.toString());
    assertEquals("runtime 'phases': recovery pass failed", errors.get(0).message());
    assertSame(bug, errors.get(0).thrown());
    assertEquals("runtime 'phases': recovery pass failed with a fatal error",
        errors.get(1).message());
    assertSame(fatal, errors.get(1).thrown());
    assertEquals(2, runtime.stats().phaseFailures());
  }

  @Test
  void anEvictionByAPassThatIsNotATicksIsCountedAndLogged() {
    MeshOsRuntime runtime = manual("outside").build();
    IllegalStateException cause = new IllegalStateException("outside bug");
    runtime.recoveryRegistry().register(new RecoveryHandler() {
      @Override
      public int[] recover() {
        throw cause;
      }

      @Override
      public String toString() {
        return "the-handler";
      }
    });
    runtime.start();

    assertArrayEquals(NONE, runtime.recoveryRegistry().tryRunAll()); // the user's own pass, no tick
    runtime.close();

    assertEquals(1, runtime.stats().evictions());
    List<String> evicted = messages("evicted recovery handler");
    assertEquals(1, evicted.size(), evicted.toString());
    assertTrue(evicted.get(0).startsWith("runtime 'outside': evicted recovery handler "),
        evicted.get(0));
    assertTrue(evicted.get(0).endsWith("(java.lang.IllegalStateException: outside bug)"),
        evicted.get(0));
  }
}
