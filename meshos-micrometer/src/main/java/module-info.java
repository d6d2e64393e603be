/**
 * Optional Micrometer binding of a {@link meshos.tick.MeshOsRuntime}: {@link
 * meshos.micrometer.MeshOsMetrics} publishes the runtime's counters and gauges and times its
 * ticks in any Micrometer {@code MeterRegistry}. The core modules do not depend on it.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // micrometer-core 1.x
module meshos.micrometer {
  requires transitive meshos.tick;
  requires transitive micrometer.core;
  requires static org.jspecify;

  exports meshos.micrometer;
}
