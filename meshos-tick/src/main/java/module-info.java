/**
 * {@link meshos.tick.MeshOsRuntime}: the per-node tick loop, its action queue, and the discovery
 * of {@link meshos.api.spi.RecoveryHandlerProvider} jars with {@link java.util.ServiceLoader}.
 */
module meshos.tick {
  requires transitive meshos.api;
  requires transitive meshos.registry;
  requires transitive meshos.probes;
  requires jdk.jfr;
  requires java.management;
  requires static com.google.errorprone.annotations;

  exports meshos.tick;

  uses meshos.api.spi.RecoveryHandlerProvider;
}
