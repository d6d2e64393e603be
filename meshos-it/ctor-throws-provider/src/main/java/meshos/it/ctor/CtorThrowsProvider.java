package meshos.it.ctor;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Its constructor throws. */
public final class CtorThrowsProvider implements RecoveryHandlerProvider {
  public CtorThrowsProvider() {
    throw new IllegalStateException("constructor refuses");
  }

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    throw new AssertionError("unreachable");
  }
}
