package meshos.tick;

/**
 * What the tick loop does when a tick starts late (later than its due time by more than a small
 * tolerance: the smaller of 5 ms and a quarter of the interval), or runs past the next due time.
 *
 * <p>With any policy the first tick is due one interval after {@link MeshOsRuntime#start()}, and
 * while the loop keeps up, tick {@code n} is due at {@code start + n * interval}.
 */
public enum MissedTickPolicy {
  /**
   * After a late tick, the next is due one interval after the late tick started; the schedule
   * shifts by the delay. No catch-up burst. The default, as in the original.
   */
  DELAY,
  /**
   * Ticks whose due time passed while a tick ran are skipped; the next tick is due at the first
   * point of the original schedule after the late tick finished.
   */
  SKIP,
  /**
   * Every tick of the original schedule runs: missed ticks run back to back until the loop has
   * caught up.
   */
  BURST
}
