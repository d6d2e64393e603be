package meshos.registry;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import meshos.api.RecoveryHandler;
import org.jspecify.annotations.Nullable;

/**
 * The marks of {@link LockingRecoveryRegistry#markRunningCall}: whether they are enabled, whether
 * the pass in progress checks for them, and the pending request. {@link #enable}, {@link
 * #beginPass} and {@link #request} are called with the registry's lock held; {@link #count} by the
 * thread running a pass, which also takes the request once it has seen the count change; the
 * request is cleared when the pass ends.
 */
final class CallMark {
  private static final System.Logger LOG = System.getLogger(LockingRecoveryRegistry.class.getName());

  private final AtomicReference<@Nullable Consumer<? super RecoveryHandler>> request =
      new AtomicReference<>();

  /** Whether passes that begin from now on check for marks; under the registry's lock. */
  private boolean enabled;

  /** Whether the pass in progress checks for marks; under the registry's lock. */
  private boolean passChecks;

  /** Bumped by each request, under the registry's lock. */
  private volatile int count;

  /** Makes the passes that begin from now on check for marks. */
  void enable() {
    enabled = true;
  }

  /** Called at the swap of a pass; returns whether that pass checks for marks. */
  boolean beginPass() {
    passChecks = enabled;
    return passChecks;
  }

  /** The number of requests so far; read by a checking pass after each call. */
  int count() {
    return count;
  }

  /**
   * Replaces the pending request, if any, with {@code whenReturned}, and bumps the count; with a
   * pass in progress. Returns false, and does nothing, if that pass does not check for marks.
   */
  @SuppressWarnings("NonAtomicVolatileUpdate") // only ever under the registry's lock
  boolean request(Consumer<? super RecoveryHandler> whenReturned) {
    if (!passChecks) {
      return false;
    }
    request.set(whenReturned);
    count++;
    return true;
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
