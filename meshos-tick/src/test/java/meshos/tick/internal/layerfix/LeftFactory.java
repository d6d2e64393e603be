package meshos.tick.internal.layerfix;

import meshos.api.spi.RecoveryHandlerProvider;

/** A provider factory, loaded by {@code ProviderLayerTest} into a layer of its own (slot 1). */
public final class LeftFactory {
  private LeftFactory() {}

  public static RecoveryHandlerProvider provider() {
    return context -> () -> new int[] {1};
  }
}
