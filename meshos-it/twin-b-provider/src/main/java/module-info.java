/** A factory with the SPI as return type; so has the other twin module's (issue 11.5). */
module meshos.it.twin.b {
  requires meshos.api;

  provides meshos.api.spi.RecoveryHandlerProvider with meshos.it.twin.b.TwinBFactory;
}
