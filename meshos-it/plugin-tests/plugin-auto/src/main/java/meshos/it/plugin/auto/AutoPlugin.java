package meshos.it.plugin.auto;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Recovers slot 43 on every tick; packaged without module-info. */
public final class AutoPlugin implements RecoveryHandlerProvider {
  private static final int[] SLOT = {43};

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> SLOT;
  }
}
