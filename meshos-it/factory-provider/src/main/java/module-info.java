/** Provider factories: ServiceLoader reports each with the type provider() declares. */
module meshos.it.factory {
  requires meshos.api;

  provides meshos.api.spi.RecoveryHandlerProvider with
      meshos.it.factory.LeftFactory,
      meshos.it.factory.RightFactory,
      meshos.it.factory.ExcludedFactory;
}
