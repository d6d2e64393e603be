package com.example.consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import meshos.micrometer.MeshOsMetrics;
import meshos.tick.MeshOsRuntime;

/** Ticks a runtime three times, one handler recovering, one failing, and prints its metrics. */
public final class Main {
  private Main() {}

  /**
   * Runs the consumer.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    MeshOsMetrics metrics = new MeshOsMetrics();
    try (MeshOsRuntime runtime = MeshOsRuntime.builder()
        .name("consumer")
        .manualTicks()
        .addTickListener(metrics)
        .build()
        .start()) {
      metrics.observe(runtime).bindTo(meters);
      runtime.recoveryRegistry().register(() -> new int[] {1, 2});
      runtime.recoveryRegistry().register(() -> {
        throw new IllegalStateException("deliberate fault");
      });
      for (int i = 0; i < 3; i++) {
        runtime.tick();
      }
      System.out.printf("consumer: ticks=%.0f slots=%.0f evictions=%.0f timed=%d%n",
          meters.get("meshos.ticks").functionCounter().count(),
          meters.get("meshos.slots.recovered").functionCounter().count(),
          meters.get("meshos.handler.evictions").functionCounter().count(),
          meters.get("meshos.tick.duration").timer().count());
    }
  }
}
