package meshos.registry;

import meshos.api.RecoveryHandler;

/**
 * Told about every handler a {@link LockingRecoveryRegistry} evicts.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread.</b> Called on the thread that ran the pass, after the pass's survivors were merged
 *       back and with no registry lock held, once per eviction, in the order the handlers failed.
 *   <li><b>Re-entry.</b> May call any method of the registry (a nested {@code tryRunAll} runs a new
 *       pass, since the evicting pass is over). Should be quick: the pass's caller waits for it.
 *   <li><b>Throwing.</b> An exception thrown by the listener is logged once as a {@code WARNING}
 *       through {@link System.Logger} and does not stop the notification of later evictions.
 * </ul>
 */
@FunctionalInterface
public interface EvictionListener {

  /**
   * Called when {@code handler} has been evicted.
   *
   * @param handler the handler removed from the registry
   * @param cause what the handler threw, or an {@link InvalidRecoveryResultException} when it
   *     returned {@code null} or a negative index
   */
  void evicted(RecoveryHandler handler, Throwable cause);
}
