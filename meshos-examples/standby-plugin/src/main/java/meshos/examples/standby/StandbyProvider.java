package meshos.examples.standby;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/**
 * Creates the standby handler: it re-places slot {@value #SLOT} on its first call (a standby
 * replica brought in by an operator's hot fix) and has nothing to do after that.
 */
public final class StandbyProvider implements RecoveryHandlerProvider {
  /** The slot the handler recovers on its first call. */
  public static final int SLOT = 9;

  /** Called by {@link java.util.ServiceLoader}. */
  public StandbyProvider() {}

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return new StandbyHandler();
  }

  /** Recovers {@link #SLOT} once. Called on the tick thread only. */
  private static final class StandbyHandler implements RecoveryHandler {
    private static final int[] NONE = new int[0];
    private boolean done;

    @Override
    public int[] recover() {
      if (done) {
        return NONE;
      }
      done = true;
      return new int[] {SLOT};
    }

    @Override
    public String toString() {
      return "standby-handler";
    }
  }
}
