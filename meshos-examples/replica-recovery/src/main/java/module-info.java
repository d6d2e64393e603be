/**
 * A third-party provider jar: the recovery handler of a replica group, found by {@link
 * java.util.ServiceLoader} when a runtime starts. Declared twice on purpose: {@code provides} here
 * for the module path, {@code META-INF/services} for the class path. Exports nothing.
 */
module meshos.examples.replica {
  requires meshos.tick;

  provides meshos.api.spi.RecoveryHandlerProvider with
      meshos.examples.replica.ReplicaRecoveryProvider;
}
