package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Finding 10, the eviction tick: the first tick of a JVM that evicts a handler does not pay for
 * loading and linking the eviction path (the registry's eviction, the recorder, the log record's
 * message code), which start() has run once on scratch objects. Measured as classes loaded by that
 * tick, its log record included; in a JVM of its own, as {@link FirstTickTest}.
 */
@Timeout(60)
class FirstEvictionTickTest {

  @Test
  void theFirstTickThatEvictsLoadsAlmostNoClassesAndPreloadReportsNothing() throws Exception {
    RecordingLogger log = new RecordingLogger();
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("first-eviction").manualTicks()
        .discoverProviders(false).logger(log).build();
    try {
      runtime.start();
      log.await("started");
      runtime.tick();
      runtime.recoveryRegistry().register(Handlers.named("thrower", () -> {
        throw new IllegalStateException("thrown by the first evicted handler");
      }));
      long before = ClassesLoaded.total();
      TickReport report = runtime.tick();
      log.await("evicted recovery handler");
      long loaded = ClassesLoaded.total() - before;

      assertEquals(1, report.evictions().size());
      assertEquals(1, runtime.stats().evictions(), "start()'s scratch eviction is not counted");
      assertEquals(1, log.entries.stream().filter(e -> e.message().contains("evicted")).count(),
          "start()'s scratch eviction is not logged: " + log.entries);
      assertTrue(loaded < 10, loaded + " classes loaded by the first tick that evicts");
    } finally {
      runtime.close();
    }
  }
}
