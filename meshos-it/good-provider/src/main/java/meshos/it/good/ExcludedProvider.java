package meshos.it.good;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Excluded by the tests: if it were instantiated anyway, discovery would report it FAILED. */
public final class ExcludedProvider implements RecoveryHandlerProvider {
  public ExcludedProvider() {
    throw new AssertionError("an excluded provider must never be instantiated");
  }

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    throw new AssertionError("unreachable");
  }
}
