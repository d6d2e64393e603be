package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Finding 10, SPEC "the first tick after start() is on time": what the first tick would
 * initialise lazily (JFR's machinery on the first event: hundreds of classes, 100-250 ms) is
 * initialised by start(). Measured as classes loaded during the first ticks, which does not depend
 * on how busy the machine is. Runs in a JVM of its own (its own surefire execution): in a JVM
 * where other tests already ran, everything is loaded and the test could not fail.
 */
@Timeout(60)
class FirstTickTest {

  @Test
  void theFirstTicksAfterStartLoadAlmostNoClasses() throws Exception {
    RecordingLogger log = new RecordingLogger();
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("first-ticks").manualTicks()
        .discoverProviders(false).logger(log).build();
    for (int i = 0; i < 100; i++) {
      runtime.recoveryRegistry().register(() -> Handlers.NONE);
    }
    try {
      runtime.start();
      log.await("started"); // the log thread's own first record is not the ticks' doing
      long before = ClassesLoaded.total();
      runtime.tick();
      runtime.tick();
      long loaded = ClassesLoaded.total() - before;
      assertTrue(loaded < 20, loaded + " classes loaded by the first two ticks");
    } finally {
      runtime.close();
    }
  }
}
