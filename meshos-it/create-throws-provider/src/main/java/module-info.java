/** A provider whose create method throws. */
module meshos.it.create {
  requires meshos.api;

  provides meshos.api.spi.RecoveryHandlerProvider with meshos.it.create.CreateThrowsProvider;
}
