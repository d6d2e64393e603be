package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
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
    // Through reflection: module meshos.tick does not read java.management.
    Object classes = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getClassLoadingMXBean").invoke(null);
    Method total = Class.forName("java.lang.management.ClassLoadingMXBean")
        .getMethod("getTotalLoadedClassCount");
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("first-ticks").manualTicks()
        .discoverProviders(false).build();
    for (int i = 0; i < 100; i++) {
      runtime.recoveryRegistry().register(() -> Handlers.NONE);
    }
    try {
      runtime.start();
      long before = (long) total.invoke(classes);
      runtime.tick();
      runtime.tick();
      long loaded = (long) total.invoke(classes) - before;
      assertTrue(loaded < 20, loaded + " classes loaded by the first two ticks");
    } finally {
      runtime.close();
    }
  }
}
