package meshos.probes;

import static java.util.Objects.requireNonNull;

/**
 * The health of a node.
 *
 * @param node the node's id
 * @param health its health
 */
public record HealthSample(long node, NodeHealth health) {
  /**
   * Checks the sample.
   *
   * @param node the node's id
   * @param health its health
   * @throws NullPointerException if {@code health} is null
   */
  public HealthSample {
    requireNonNull(health, "health");
  }
}
