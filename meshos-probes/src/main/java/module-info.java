/**
 * Probes polled once per tick: locality (RTT), health and peer inventory, their samples, and the
 * {@link meshos.probes.ProbeRegistry} that polls them and isolates their failures.
 */
module meshos.probes {
  requires static transitive org.jspecify;

  exports meshos.probes;
}
