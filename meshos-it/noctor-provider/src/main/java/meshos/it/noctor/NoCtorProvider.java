package meshos.it.noctor;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** No public no-arg constructor: ServiceLoader refuses it while iterating. */
public final class NoCtorProvider implements RecoveryHandlerProvider {
  private final int slot;

  public NoCtorProvider(int slot) {
    this.slot = slot;
  }

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> new int[] {slot};
  }
}
