package meshos.tick.internal.layerfix;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Listed in the layer module's services file, not in its {@code provides}. */
public final class Forgotten implements RecoveryHandlerProvider {
  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> new int[] {3};
  }
}
