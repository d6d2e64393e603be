package meshos.probes;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A round-trip time to a node.
 *
 * @param node the node's id
 * @param rtt the measured round-trip time, not negative
 */
public record RttSample(long node, Duration rtt) {
  /**
   * Checks the sample.
   *
   * @param node the node's id
   * @param rtt the measured round-trip time, not negative
   * @throws NullPointerException if {@code rtt} is null
   * @throws IllegalArgumentException if {@code rtt} is negative
   */
  public RttSample {
    requireNonNull(rtt, "rtt");
    if (rtt.isNegative()) {
      throw new IllegalArgumentException("rtt must not be negative: " + rtt);
    }
  }
}
