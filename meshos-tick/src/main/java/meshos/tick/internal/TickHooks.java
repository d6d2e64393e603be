package meshos.tick.internal;

import meshos.tick.HandlerEviction;

/**
 * Seams of the tick for features wired around the pipeline (supervision): one call at the start of
 * every tick, before the poll (to re-register handlers whose quarantine is over), and one per
 * eviction after the pass (to decide what becomes of the evicted handler). Called on the ticking
 * thread only; must not throw (a throw is contained like a failed phase).
 */
public interface TickHooks {
  /** Hooks that do nothing: the original's rule, an evicted handler is gone for good. */
  TickHooks NONE = new TickHooks() { };

  /**
   * The tick {@code tick} starts, before its probes are polled.
   *
   * @param tick the tick's number
   * @param nowNanos the runtime clock's reading
   */
  default void tickStarting(long tick, long nowNanos) {}

  /**
   * The pass of tick {@code tick} evicted a handler; called once per eviction, in order.
   *
   * @param tick the tick's number
   * @param eviction the eviction
   * @param nowNanos the runtime clock's reading
   */
  default void evicted(long tick, HandlerEviction eviction, long nowNanos) {}
}
