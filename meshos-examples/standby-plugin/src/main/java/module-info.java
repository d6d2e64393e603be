/**
 * A plugin jar: loaded by the demo at run time with {@code runtime.plugins().load(jar)} into a
 * layer of its own, and unloaded again. Needs only the API. Exports nothing.
 */
module meshos.examples.standby {
  requires meshos.api;

  provides meshos.api.spi.RecoveryHandlerProvider with
      meshos.examples.standby.StandbyProvider;
}
