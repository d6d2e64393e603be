/** A plugin that keeps a thread of its own running after its unload. */
module meshos.it.plugin.leaky {
  requires meshos.api;

  provides meshos.api.spi.RecoveryHandlerProvider with meshos.it.plugin.leaky.LeakyPlugin;
}
