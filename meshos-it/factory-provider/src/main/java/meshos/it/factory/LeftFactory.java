package meshos.it.factory;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/**
 * On the module path its {@code provider()} factory is used (slot 11); on the class path, where
 * factories do not exist, its constructor and {@link #create} (slot 21).
 */
public final class LeftFactory implements RecoveryHandlerProvider {
  /** What ServiceLoader calls on the module path. */
  public static RecoveryHandlerProvider provider() {
    return context -> () -> new int[] {11};
  }

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> new int[] {21};
  }
}
