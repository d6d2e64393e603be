package meshos.tick;

/**
 * Receives the {@link TickReport} of every tick.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread.</b> Called on the tick thread (with manual ticks, the thread calling {@link
 *       MeshOsRuntime#tick()}) at the end of each tick, listeners in the order they were added.
 *   <li><b>Must be cheap:</b> the next tick waits for it.
 *   <li><b>Re-entry.</b> May call any method of the runtime; {@link MeshOsRuntime#close()} only
 *       requests the stop.
 *   <li><b>Throwing.</b> A throw is counted in {@link RuntimeStats#listenerFailures()} and logged
 *       once as a {@code WARNING}; the other listeners and the next tick are unaffected and the
 *       listener stays registered.
 * </ul>
 */
@FunctionalInterface
public interface TickListener {

  /**
   * Called once per tick with what the tick did.
   *
   * @param report the tick's report
   */
  void onTick(TickReport report);
}
