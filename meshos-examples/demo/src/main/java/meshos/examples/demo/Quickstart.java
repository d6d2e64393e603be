package meshos.examples.demo;

import java.time.Duration;
import java.util.List;
import meshos.probes.HealthSample;
import meshos.probes.NodeHealth;
import meshos.tick.MeshOsRuntime;

/** The README's Quickstart, compiled and run by the build (ReadmeQuickstartTest). */
public final class Quickstart {
  private Quickstart() {}

  /**
   * Runs a runtime for half a second: one health probe, one handler, a line per tick.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted while the runtime ticks
   */
  public static void main(String[] args) throws InterruptedException {
    try (MeshOsRuntime runtime = MeshOsRuntime.builder()
        .name("node-7")
        .tickInterval(Duration.ofMillis(100))
        .addTickListener(report -> System.out.println(
            "tick " + report.tick() + ": " + report.slotsRecovered() + " slot(s) recovered"))
        .build()
        .start()) {                                  // discovers provider jars, starts ticking
      runtime.probeRegistry().addHealthProbe(
          () -> List.of(new HealthSample(5, NodeHealth.HEALTHY)));
      runtime.recoveryRegistry().register(() -> new int[] {0});  // "slot 0 re-placed"
      Thread.sleep(500);                             // your application runs here
    }                                                // close(): stops the ticks, runs queued actions
  }
}
