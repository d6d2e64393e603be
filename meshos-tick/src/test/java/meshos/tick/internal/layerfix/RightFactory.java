package meshos.tick.internal.layerfix;

import meshos.api.spi.RecoveryHandlerProvider;

/** A provider factory, loaded by {@code ProviderLayerTest} into a layer of its own (slot 2). */
public final class RightFactory {
  private RightFactory() {}

  public static RecoveryHandlerProvider provider() {
    return context -> () -> new int[] {2};
  }
}
