/** A well-behaved plugin: a handler, a probe, actions. */
module meshos.it.plugin.good {
  requires meshos.tick;

  provides meshos.api.spi.RecoveryHandlerProvider with meshos.it.plugin.good.GoodPlugin;
}
