package meshos.probes;

import static java.util.Objects.requireNonNull;

/**
 * The inventory of a peer node.
 *
 * @param node the peer's id
 * @param inventory what the peer reports
 */
public record InventorySample(long node, PeerInventory inventory) {
  /**
   * Checks the sample.
   *
   * @param node the peer's id
   * @param inventory what the peer reports
   * @throws NullPointerException if {@code inventory} is null
   */
  public InventorySample {
    requireNonNull(inventory, "inventory");
  }
}
