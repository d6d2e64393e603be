/**
 * The {@link java.util.concurrent.locks.ReentrantLock}-based {@link meshos.api.RecoveryRegistry}:
 * {@link meshos.registry.LockingRecoveryRegistry}.
 */
module meshos.registry {
  requires transitive meshos.api;
  requires static com.google.errorprone.annotations;

  exports meshos.registry;
}
