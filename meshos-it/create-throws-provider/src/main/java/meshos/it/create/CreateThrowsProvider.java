package meshos.it.create;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Its create method throws. */
public final class CreateThrowsProvider implements RecoveryHandlerProvider {
  @Override
  public RecoveryHandler create(RecoveryContext context) {
    throw new UnsupportedOperationException("create refuses");
  }
}
