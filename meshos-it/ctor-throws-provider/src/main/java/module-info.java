/** A provider whose constructor throws. */
module meshos.it.ctor {
  requires meshos.api;

  provides meshos.api.spi.RecoveryHandlerProvider with meshos.it.ctor.CtorThrowsProvider;
}
