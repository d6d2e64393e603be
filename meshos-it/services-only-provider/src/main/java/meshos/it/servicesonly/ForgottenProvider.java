package meshos.it.servicesonly;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Loads on the class path (slot 31); on the module path its module does not provide it. */
public final class ForgottenProvider implements RecoveryHandlerProvider {
  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> new int[] {31};
  }
}
