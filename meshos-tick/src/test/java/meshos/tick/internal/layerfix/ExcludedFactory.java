package meshos.tick.internal.layerfix;

import meshos.api.spi.RecoveryHandlerProvider;

/** Excluded by {@code ProviderLayerTest}: calling its factory is a failure. */
public final class ExcludedFactory {
  private ExcludedFactory() {}

  public static RecoveryHandlerProvider provider() {
    throw new AssertionError("the excluded factory was called");
  }
}
