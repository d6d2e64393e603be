package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Finding 10, SPEC "the first tick after start() is on time": what the first tick would
 * initialise lazily (JFR's machinery on the first event, ~100-250 ms) is initialised by start().
 * Runs in a JVM of its own (its own surefire execution): in a JVM where other tests already ran,
 * everything is initialised and the test could not fail.
 */
@Timeout(60)
class FirstTickTest {
  private static final int TICKS = 10;

  @Test
  void theFirstTicksAfterStartAreOnTime() throws Exception {
    long[] lateness = new long[TICKS];
    CountDownLatch ticked = new CountDownLatch(TICKS);
    MeshOsRuntime runtime = MeshOsRuntime.builder().name("first-ticks")
        .tickInterval(Duration.ofMillis(10)).discoverProviders(false)
        .addTickListener(r -> {
          if (r.tick() <= TICKS) {
            lateness[(int) r.tick() - 1] = r.lateness().toMillis();
            ticked.countDown();
          }
        }).build();
    for (int i = 0; i < 1_000; i++) {
      runtime.recoveryRegistry().register(() -> Handlers.NONE);
    }
    try {
      runtime.start();
      assertTrue(ticked.await(20, TimeUnit.SECONDS));
    } finally {
      runtime.close();
    }
    // Loose enough for a busy machine, far below what lazy initialisation costs.
    assertTrue(Arrays.stream(lateness).max().orElseThrow() < 50,
        "lateness of the first ticks (ms): " + Arrays.toString(lateness));
  }
}
