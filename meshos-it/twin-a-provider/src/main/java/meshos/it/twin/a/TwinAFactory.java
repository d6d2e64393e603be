package meshos.it.twin.a;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/**
 * On the module path its {@code provider()} factory is used (slot 41), declared to return the SPI
 * type like the other twin module's: ServiceLoader reports both with that type. On the class path,
 * its constructor and {@link #create} (slot 51).
 */
public final class TwinAFactory implements RecoveryHandlerProvider {
  /** What ServiceLoader calls on the module path. */
  public static RecoveryHandlerProvider provider() {
    return context -> () -> new int[] {41};
  }

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> new int[] {51};
  }
}
