/** A factory with the SPI as return type; so has the other twin module's (issue 11.5). */
module meshos.it.twin.a {
  requires meshos.api;

  provides meshos.api.spi.RecoveryHandlerProvider with meshos.it.twin.a.TwinAFactory;
}
