/**
 * The meshos API: what user code and provider jars compile against.
 *
 * <p>{@link meshos.api.RecoveryHandler}, {@link meshos.api.RecoveryRegistry} and {@link
 * meshos.api.ActionQueue} are the runtime-facing contracts; {@link
 * meshos.api.spi.RecoveryHandlerProvider} is the {@link java.util.ServiceLoader} service type that
 * third-party jars provide. This module has no dependencies beyond {@code java.base}.
 */
module meshos.api {
  exports meshos.api;
  exports meshos.api.spi;
}
