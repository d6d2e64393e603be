package meshos.it.good;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Recovers slot 7 on every tick. */
public final class GoodProvider implements RecoveryHandlerProvider {
  private static final int[] SLOT = {7};

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> SLOT;
  }
}
