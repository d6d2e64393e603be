package meshos.registry;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import meshos.api.RecoveryHandler;
import org.jspecify.annotations.Nullable;

/**
 * The pending request of {@link LockingRecoveryRegistry#markRunningCall}: set by any thread (under
 * the registry's lock, while a pass is in progress), taken once by the thread running the pass
 * when it has seen the bump, cleared when the pass ends.
 */
final class CallMark {
  private static final System.Logger LOG = System.getLogger(LockingRecoveryRegistry.class.getName());

  private final AtomicReference<@Nullable Consumer<? super RecoveryHandler>> request =
      new AtomicReference<>();

  /** Replaces the pending request, if any, with {@code whenReturned}. */
  void request(Consumer<? super RecoveryHandler> whenReturned) {
    request.set(whenReturned);
  }

  /** Drops the pending request, if any. */
  void clear() {
    request.set(null);
  }

  /**
   * Takes the pending request, if there is one, and tells it {@code called}, the handler whose call
   * has just returned; called on the thread running the pass. A request that throws is logged as a {@code WARNING}; the pass goes on.
   */
  void report(RecoveryHandler called) {
    if (request.get() == null) {
      return;
    }
    Consumer<? super RecoveryHandler> taken = request.getAndSet(null);
    if (taken == null) {
      return;
    }
    try {
      taken.accept(called);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, () -> "markRunningCall consumer " + taken
          + " failed for handler " + called, e);
    }
  }
}
