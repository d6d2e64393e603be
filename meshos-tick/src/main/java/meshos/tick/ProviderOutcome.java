package meshos.tick;

/** What discovery did with one {@link meshos.api.spi.RecoveryHandlerProvider}. */
public enum ProviderOutcome {
  /** Instantiated, created a handler, and the handler was registered. */
  LOADED,
  /**
   * Named in the exclude list; never instantiated (a factory never called), whatever state its
   * class is in: an excluded provider that could not have been loaded is {@code EXCLUDED} too.
   */
  EXCLUDED,
  /** Seen again after a provider of the same class name was handled; ignored. */
  DUPLICATE,
  /**
   * Its class could not be loaded or is no provider (no public no-arg constructor, not a subtype),
   * its constructor or factory threw, {@code create} threw or returned null; or, on the module
   * path, its module lists it in {@code META-INF/services} but does not declare it with {@code
   * provides}; or it is a factory {@link java.util.ServiceLoader} cannot tell apart from an
   * excluded one.
   */
  FAILED
}
