package meshos.tick;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What {@link Plugins#unload} removed, and whether the plugin's class loader was collected.
 *
 * @param plugin the plugin's {@link Plugin#name()}
 * @param handlersRemoved registrations made through the plugin's context (at {@code create} and
 *     later) that were still in the registry, or quarantined, and were unregistered
 * @param probesRemoved probes the plugin had added through its context and had not removed
 * @param actionsDiscarded actions the plugin had offered that were still queued: discarded, never
 *     run
 * @param collected whether the plugin's class loader was garbage collected before {@code unload}
 *     returned; {@code false} alone is not a leak (see {@link Plugins#unload})
 * @param elapsed how long {@code unload} took, the wait for the collection included
 */
public record UnloadReport(
    String plugin,
    int handlersRemoved,
    int probesRemoved,
    int actionsDiscarded,
    boolean collected,
    Duration elapsed) {

  /**
   * Checks the components.
   *
   * @param plugin the plugin's {@link Plugin#name()}
   * @param handlersRemoved registrations made through the plugin's context (at {@code create} and
   *     later) that were still in the registry, or quarantined, and were unregistered
   * @param probesRemoved probes the plugin had added through its context and had not removed
   * @param actionsDiscarded actions the plugin had offered that were still queued: discarded, never
   *     run
   * @param collected whether the plugin's class loader was garbage collected before {@code unload}
   *     returned; {@code false} alone is not a leak (see {@link Plugins#unload})
   * @param elapsed how long {@code unload} took, the wait for the collection included
   * @throws NullPointerException if {@code plugin} or {@code elapsed} is null
   * @throws IllegalArgumentException if a count or {@code elapsed} is negative
   */
  public UnloadReport {
    requireNonNull(plugin, "plugin");
    requireNonNull(elapsed, "elapsed");
    if (handlersRemoved < 0 || probesRemoved < 0 || actionsDiscarded < 0) {
      throw new IllegalArgumentException("counts must not be negative: handlersRemoved="
          + handlersRemoved + ", probesRemoved=" + probesRemoved + ", actionsDiscarded="
          + actionsDiscarded);
    }
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed must not be negative: " + elapsed);
    }
  }
}
