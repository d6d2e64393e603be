package meshos.api;

/**
 * One bounded round of recovery work, run once per tick by a {@link RecoveryRegistry}.
 *
 * <p>A typical handler looks at the unhealthy slots of one replica group and re-places those for
 * which a healthy spare node exists.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread.</b> Called on the thread that runs the pass ({@link
 *       RecoveryRegistry#tryRunAll()}; in a runtime, its tick thread). A handler is never called
 *       concurrently with itself by one registry, and at most once per pass per registration.
 *   <li><b>Must be cheap.</b> Handlers run one after the other on the tick's hot path; a slow
 *       handler delays every later handler and the next tick. Dispatch expensive work through an
 *       {@link ActionQueue}.
 *   <li><b>Re-entry.</b> A handler may call any method of the registry that runs it: {@code
 *       register}, {@code unregister}, {@code size}, {@code isEmpty} take effect as documented there;
 *       a nested {@code tryRunAll} runs nothing and returns an empty array.
 *   <li><b>Throwing.</b> A handler that throws anything (checked exceptions included), returns
 *       {@code null} or returns a negative index is <em>evicted</em>: it is removed from the registry
 *       in that pass, its slots are not reported, and the failure is reported to the registry's
 *       eviction listener. The pass goes on with the next handler. A {@link VirtualMachineError}
 *       other than {@link StackOverflowError} also evicts the handler and is then rethrown to the
 *       caller of {@code tryRunAll}, after the registry has been left consistent.
 * </ul>
 */
@FunctionalInterface
public interface RecoveryHandler {

  /**
   * Runs one bounded round of recovery.
   *
   * @return the indices ({@code >= 0}) of the slots recovered by this call, in any order; an empty
   *     array when nothing was recovered. The registry copies the indices before the next handler
   *     runs, so a handler may return the same (for example a shared empty) array every time.
   */
  int[] recover();
}
