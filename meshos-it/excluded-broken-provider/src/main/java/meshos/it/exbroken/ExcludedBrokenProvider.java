package meshos.it.exbroken;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Excluded by the tests, and no public no-arg constructor: excluded, not failed. */
public final class ExcludedBrokenProvider implements RecoveryHandlerProvider {
  public ExcludedBrokenProvider(String unused) {}

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> new int[] {41};
  }
}
