package meshos.tick;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The cause of an eviction by {@link MeshOsRuntime.Builder#evictOverrunningHandlers(int)}: the
 * handler was the main culprit of that many consecutive ticks over the tick budget. It is created
 * by the runtime, not thrown by the handler, and has no stack trace.
 */
public final class HandlerOverrunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The handler's name. */
  private final String handler;

  /** How long its call was seen running in the last over-budget tick. */
  private final Duration measured;

  /** The tick budget. */
  private final Duration budget;

  /** Consecutive over-budget ticks it was the main culprit of. */
  private final int strikes;

  /**
   * Creates the cause of an overrun eviction.
   *
   * @param handler the handler's name, as the runtime reports it
   * @param measured how long its call was seen running in the last of those ticks: from the first
   *     watchdog sample that found it running to its return (a lower bound of the call's duration)
   * @param budget the tick budget
   * @param strikes how many consecutive over-budget ticks it was the main culprit of
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code strikes} is not positive
   */
  public HandlerOverrunException(String handler, Duration measured, Duration budget, int strikes) {
    super(message(handler, measured, budget, strikes), null, false, false);
    this.handler = handler;
    this.measured = measured;
    this.budget = budget;
    this.strikes = strikes;
  }

  private static String message(String handler, Duration measured, Duration budget, int strikes) {
    requireNonNull(handler, "handler");
    requireNonNull(measured, "measured");
    requireNonNull(budget, "budget");
    if (strikes <= 0) {
      throw new IllegalArgumentException("strikes must be positive: " + strikes);
    }
    return "recovery handler " + handler + " was the main culprit of " + strikes
        + " consecutive tick(s) over the budget of " + budget + "; its last call ran for at least "
        + measured;
  }

  /**
   * The handler's name.
   *
   * @return the name, as in {@link HandlerEviction#name()}
   */
  public String handler() {
    return handler;
  }

  /**
   * How long the handler's call was seen running in the last over-budget tick (a lower bound).
   *
   * @return the measured time
   */
  public Duration measured() {
    return measured;
  }

  /**
   * The tick budget the handler overran.
   *
   * @return the budget
   */
  public Duration budget() {
    return budget;
  }

  /**
   * How many consecutive over-budget ticks the handler was the main culprit of.
   *
   * @return the strikes, positive
   */
  public int strikes() {
    return strikes;
  }
}
