package meshos.tick;

import static java.util.Objects.requireNonNull;

import meshos.api.RecoveryHandler;

/**
 * A recovery handler the runtime's registry evicted.
 *
 * @param handler the handler
 * @param name how the runtime names it: its provider's class name for a discovered handler, else
 *     {@code handler.toString()}
 * @param cause what it threw, or why its result was refused
 */
public record HandlerEviction(RecoveryHandler handler, String name, Throwable cause) {
  /**
   * Checks the components.
   *
   * @param handler the handler
   * @param name how the runtime names it: its provider's class name for a discovered handler, else
   *     {@code handler.toString()}
   * @param cause what it threw, or why its result was refused
   * @throws NullPointerException if an argument is null
   */
  public HandlerEviction {
    requireNonNull(handler, "handler");
    requireNonNull(name, "name");
    requireNonNull(cause, "cause");
  }
}
