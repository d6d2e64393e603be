/**
 * The meshos demo. It requires only the runtime: the replica-recovery provider is bound by the
 * module system because it {@code provides} the service that {@code meshos.tick} {@code uses}.
 */
module meshos.examples.demo {
  requires meshos.tick;
}
