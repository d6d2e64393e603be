package meshos.it.plugin.leaky;

import java.util.concurrent.locks.LockSupport;
import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Starts the daemon thread {@code leaky-plugin-thread}, which parks forever in this class. */
public final class LeakyPlugin implements RecoveryHandlerProvider {
  private static final int[] NONE = new int[0];

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    Thread thread = new Thread(LeakyPlugin::parkForever, "leaky-plugin-thread");
    thread.setDaemon(true);
    thread.start();
    return () -> NONE;
  }

  private static void parkForever() {
    while (true) {
      LockSupport.park();
    }
  }
}
