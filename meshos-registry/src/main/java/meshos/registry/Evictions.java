package meshos.registry;

import java.util.ArrayList;
import java.util.List;
import meshos.api.RecoveryHandler;
import org.jspecify.annotations.Nullable;

/**
 * Reports the evictions of a pass to the registry's {@link EvictionListener}, on the thread that ran
 * the pass, after its merge and outside the registry's lock. Stateless.
 */
final class Evictions {
  private static final System.Logger LOG =
      System.getLogger(LockingRecoveryRegistry.class.getName());

  private Evictions() {}

  /** A handler evicted by a pass and why. */
  record Eviction(RecoveryHandler handler, Throwable cause) {}

  /** {@code evicted} with one more eviction; a new list if it was null (no eviction yet). */
  static List<Eviction> add(@Nullable List<Eviction> evicted, RecoveryHandler handler,
      Throwable cause) {
    List<Eviction> list = evicted != null ? evicted : new ArrayList<>(2);
    list.add(new Eviction(handler, cause));
    return list;
  }

  /**
   * Tells {@code listener} about each eviction in order. A listener that throws is logged as a
   * {@code WARNING} and the others are still told, except that a {@link VirtualMachineError} other
   * than {@link StackOverflowError} is rethrown.
   */
  static void report(EvictionListener listener, List<Eviction> evicted) {
    for (Eviction e : evicted) {
      try {
        listener.evicted(e.handler(), e.cause());
      } catch (RuntimeException | Error listenerFailure) {
        if (listenerFailure instanceof VirtualMachineError
            && !(listenerFailure instanceof StackOverflowError)) {
          throw listenerFailure;
        }
        LOG.log(System.Logger.Level.WARNING,
            () -> "eviction listener " + listener + " failed for handler " + e.handler(),
            listenerFailure);
      }
    }
  }

  /** The default listener: one {@code WARNING} naming the handler, with the cause. */
  static void log(RecoveryHandler handler, Throwable cause) {
    LOG.log(System.Logger.Level.WARNING, () -> "evicted recovery handler " + handler, cause);
  }
}
