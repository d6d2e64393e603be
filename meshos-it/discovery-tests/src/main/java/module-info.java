/** Starts a runtime that discovers the provider jars, ticks once and prints what happened. */
module meshos.it {
  requires meshos.tick;

  uses meshos.api.spi.RecoveryHandlerProvider;
}
