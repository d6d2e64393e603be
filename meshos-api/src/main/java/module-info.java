/**
 * The meshos API: what user code and provider jars compile against.
 *
 * <p>{@link meshos.api.RecoveryHandler}, {@link meshos.api.RecoveryRegistry} and {@link
 * meshos.api.ActionQueue} are the runtime-facing contracts; {@link
 * meshos.api.spi.RecoveryHandlerProvider} is the {@link java.util.ServiceLoader} service type that
 * third-party jars provide. At run time this module needs nothing beyond {@code java.base}; its
 * packages are {@code @NullMarked} (JSpecify), an annotation needed only to compile against it.
 */
module meshos.api {
  requires static transitive org.jspecify;

  exports meshos.api;
  exports meshos.api.spi;
}
