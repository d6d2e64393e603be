/** Cannot be loaded: java.sql is not in the runtime's layers, and it repeats plugin-good's package. */
module meshos.it.plugin.bad {
  requires meshos.api;
  requires java.sql;

  provides meshos.api.spi.RecoveryHandlerProvider with meshos.it.plugin.good.BadPlugin;
}
