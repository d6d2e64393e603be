package meshos.tick.internal.layerparent;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Provided by the parent layer in {@code ProviderLayerTest}: discovering the child never sees it. */
public final class ParentProvider implements RecoveryHandlerProvider {
  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> new int[] {9};
  }
}
