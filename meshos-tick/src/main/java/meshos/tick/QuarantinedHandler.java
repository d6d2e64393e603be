package meshos.tick;

import static java.util.Objects.requireNonNull;

/**
 * A recovery handler that was evicted and waits out its backoff before the runtime re-registers it
 * (see {@link Supervision#restartWithBackoff}). Listed by {@link MeshOsRuntime#quarantine()}.
 *
 * @param name how the runtime names the handler: its provider's class name for a discovered
 *     handler, else {@code handler.toString()}
 * @param evictions its consecutive evictions, this one included (1 after a first eviction); the
 *     backoff is {@code min} doubled {@code evictions - 1} times, at most {@code max}
 * @param lastCause why it was evicted this time: what it threw, why its result was refused, or a
 *     {@link HandlerOverrunException}
 * @param nextAttemptNanos when, on the runtime's clock ({@link MeshOsRuntime.Builder#nanoClock}),
 *     the backoff ends: the first tick that starts at or after it re-registers the handler
 */
public record QuarantinedHandler(String name, int evictions, Throwable lastCause,
    long nextAttemptNanos) {
  /**
   * Checks the components.
   *
   * @param name the handler's name
   * @param evictions its consecutive evictions, positive
   * @param lastCause why it was evicted this time
   * @param nextAttemptNanos when its backoff ends, on the runtime's clock
   * @throws NullPointerException if {@code name} or {@code lastCause} is null
   * @throws IllegalArgumentException if {@code evictions} is not positive
   */
  public QuarantinedHandler {
    requireNonNull(name, "name");
    requireNonNull(lastCause, "lastCause");
    if (evictions <= 0) {
      throw new IllegalArgumentException("evictions must be positive: " + evictions);
    }
  }
}
