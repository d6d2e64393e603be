package meshos.api;

/**
 * The handlers of one runtime, run once per tick by {@link #tryRunAll()}.
 *
 * <h2>Semantics</h2>
 *
 * <ol>
 *   <li><b>Order.</b> A pass runs handlers in registration order on the calling thread. After the
 *       pass the registry holds the survivors in their order, followed by the handlers registered
 *       during the pass, in their order. The same instance may be registered more than once; each
 *       registration runs.
 *   <li><b>No waiting.</b> No lock is held while a handler runs, so {@link #register}, {@link
 *       #unregister}, {@link #size} and {@link #isEmpty} never wait for handlers, from any thread,
 *       and a handler may call them on its own registry.
 *   <li><b>Registered during a pass</b> (from any thread, or from inside a handler): not run in that
 *       pass; runs from the next pass on.
 *   <li><b>Counts are true during a pass.</b> {@link #size()} counts the handlers of the pass in
 *       progress that have not been evicted or unregistered, plus those registered since.
 *   <li><b>One pass at a time.</b> A {@code tryRunAll} made while a pass is in progress, from
 *       another thread or from inside a handler, runs nothing and returns an empty array at once.
 *   <li><b>Failure isolation.</b> See {@link RecoveryHandler}: a failing handler is evicted and the
 *       pass goes on.
 * </ol>
 *
 * <h2>Thread safety and memory consistency</h2>
 *
 * <p>All methods may be called from any thread. Actions in a thread prior to {@code register(h)}
 * happen-before {@code h.recover()} in every later pass; actions of a pass (its handlers included)
 * happen-before the start of the next pass and every {@code register}, {@code unregister} or {@code
 * size} that observes the pass's outcome.
 */
public interface RecoveryRegistry {

  /**
   * Adds a handler; it runs from the next pass on.
   *
   * @param handler the handler to add; the same instance may be added again
   * @return the number of registered handlers after the insert (rule 4)
   * @throws NullPointerException if {@code handler} is null
   */
  int register(RecoveryHandler handler);

  /**
   * Removes one registration of {@code handler}: the earliest, compared by identity.
   *
   * <p>Works during a pass, from any thread or from inside a handler (rule 7). Once this has
   * returned {@code true}, no pass that starts later runs the removed registration, and the end of
   * the pass in progress does not bring it back. The pass in progress invokes it at most once more,
   * and only if it had already dispatched that call when this returned (a call already running
   * may also finish). Another registration of the same instance is not affected.
   *
   * @param handler the handler to remove
   * @return {@code true} if a registration was removed, {@code false} if {@code handler} was not
   *     registered
   * @throws NullPointerException if {@code handler} is null
   */
  boolean unregister(RecoveryHandler handler);

  /**
   * Returns the number of registered handlers, counting those of a pass in progress that have not
   * been evicted or unregistered (rule 4). Callable from any thread, also from a handler; never
   * waits for a pass.
   *
   * @return the number of registrations, duplicates counted
   */
  int size();

  /**
   * Returns {@code size() == 0}. Callable from any thread, also from a handler; never waits for a
   * pass.
   *
   * @return {@code true} if no handler is registered
   */
  boolean isEmpty();

  /**
   * Runs every registered handler once, in registration order, on the calling thread.
   *
   * <p>A handler's slots are reported only if it completed normally with a non-null array of
   * non-negative indices; otherwise it is evicted (see {@link RecoveryHandler}).
   *
   * @return a new array owned by the caller with the slots of each surviving handler, in handler
   *     order and without de-duplication; a shared empty array when nothing was recovered, or when
   *     another pass is in progress (rule 5)
   * @throws VirtualMachineError if a handler threw one (other than {@link StackOverflowError}),
   *     after that handler was evicted and the registry left consistent: every other handler,
   *     including those not yet run in this pass, stays registered
   */
  int[] tryRunAll();
}
