package meshos.tick;

/** What discovery did with one {@link meshos.api.spi.RecoveryHandlerProvider}. */
public enum ProviderOutcome {
  /** Instantiated, created a handler, and the handler was registered. */
  LOADED,
  /** Named in the exclude list; never instantiated. */
  EXCLUDED,
  /** Seen again after a provider of the same class name was handled; ignored. */
  DUPLICATE,
  /** Its class could not be loaded, its constructor threw, or {@code create} threw or returned null. */
  FAILED
}
