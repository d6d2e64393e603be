/** A well-behaved provider, and one that must never be instantiated (it is excluded). */
module meshos.it.good {
  requires meshos.api;

  provides meshos.api.spi.RecoveryHandlerProvider with
      meshos.it.good.GoodProvider,
      meshos.it.good.ExcludedProvider;
}
