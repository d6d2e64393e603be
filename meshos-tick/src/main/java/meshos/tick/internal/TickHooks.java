package meshos.tick.internal;

import java.util.List;
import meshos.tick.HandlerEviction;

/**
 * Seams of the tick for features wired around the pipeline (supervision, overrun enforcement):
 * one call at the start of every tick, before the poll (to re-register handlers whose quarantine
 * is over); one when the pass has ended (to take an overrunning handler off the tick); one per
 * eviction (to decide what becomes of the evicted handler); one before the report is built (what
 * the tick restarted and gave up). Called on the ticking thread only; must not throw (a throw is
 * contained like a failed phase).
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
   * @return what became of the handler
   */
  default Supervisor.Outcome evicted(long tick, HandlerEviction eviction, long nowNanos) {
    return Supervisor.Outcome.EVICTED;
  }

  /**
   * The pass of tick {@code tick} has ended and the watchdog has judged the tick; called before the
   * eviction hooks.
   *
   * @param tick the tick's number
   * @param evictions the pass's evictions
   * @param overBudget whether the tick is over its budget
   * @param nowNanos the runtime clock's reading
   * @return the tick's evictions: {@code evictions}, plus any handler these hooks took off the tick
   */
  default List<HandlerEviction> passEnded(long tick, List<HandlerEviction> evictions,
      boolean overBudget, long nowNanos) {
    return evictions;
  }

  /**
   * Tick {@code tick} is about to be reported.
   *
   * @param tick the tick's number
   * @return what supervision did in the tick
   */
  default Supervised tickEnding(long tick) {
    return Supervised.NONE;
  }

  /**
   * What supervision did in one tick.
   *
   * @param restarted the names of the handlers re-registered at its start, in order
   * @param givenUp the evictions whose handlers were given up for good
   */
  record Supervised(List<String> restarted, List<HandlerEviction> givenUp) {
    /** Nothing restarted, nothing given up. */
    public static final Supervised NONE = new Supervised(List.of(), List.of());
  }
}
