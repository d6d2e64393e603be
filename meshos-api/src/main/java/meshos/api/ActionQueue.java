package meshos.api;

/**
 * Work that is too expensive for the tick thread, run in FIFO order by one worker thread.
 *
 * <p>Handlers must be cheap; a handler that needs to do slow work (I/O, a large copy) offers it here
 * and returns at once.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread.</b> {@link #offer} may be called from any thread, including handlers on the tick
 *       thread. Actions run on the queue's own worker thread, one at a time, in the order they were
 *       accepted.
 *   <li><b>Never blocks.</b> A full or closed queue refuses the action; the refusal is counted.
 *   <li><b>Throwing.</b> An action that throws is counted and reported; the worker goes on with the
 *       next action.
 *   <li><b>Memory consistency.</b> Actions in a thread prior to a successful {@code offer(a)}
 *       happen-before {@code a.run()}.
 * </ul>
 */
public interface ActionQueue {

  /**
   * Queues {@code action} to run on the worker thread; never blocks.
   *
   * @param action the work to run
   * @return {@code true} if accepted; {@code false} if dropped because the queue is full or closed
   *     (the drop is counted)
   * @throws NullPointerException if {@code action} is null
   */
  boolean offer(Runnable action);
}
