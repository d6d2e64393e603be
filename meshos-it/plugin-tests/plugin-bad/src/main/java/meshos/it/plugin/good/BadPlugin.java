package meshos.it.plugin.good;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Never created: its jar is refused. */
public final class BadPlugin implements RecoveryHandlerProvider {
  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> new int[0];
  }
}
