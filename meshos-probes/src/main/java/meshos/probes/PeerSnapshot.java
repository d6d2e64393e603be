package meshos.probes;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest known RTT, health and inventory of each peer, as of a tick. Immutable.
 *
 * <p>RTT and health keep the last value reported for a node. Inventory also keeps the last value,
 * except that a peer is forgotten when a poll's inventory is complete ({@link
 * ProbeReadings#inventoryComplete()}) and does not include it: a transiently empty or failing
 * inventory probe never wipes the known peers.
 *
 * @param tick the tick whose readings this snapshot includes; 0 before the first tick
 * @param rtt round-trip time per node
 * @param health health per node
 * @param inventory inventory per peer
 */
public record PeerSnapshot(
    long tick,
    Map<Long, Duration> rtt,
    Map<Long, NodeHealth> health,
    Map<Long, PeerInventory> inventory) {

  private static final PeerSnapshot EMPTY = new PeerSnapshot(0, Map.of(), Map.of(), Map.of());

  /** Copies the maps. */
  public PeerSnapshot {
    rtt = Map.copyOf(requireNonNull(rtt, "rtt"));
    health = Map.copyOf(requireNonNull(health, "health"));
    inventory = Map.copyOf(requireNonNull(inventory, "inventory"));
  }

  /** The snapshot before any tick. */
  public static PeerSnapshot empty() {
    return EMPTY;
  }

  /** The health of {@code node}, if any probe ever reported it. */
  public Optional<NodeHealth> healthOf(long node) {
    return Optional.ofNullable(health.get(node));
  }

  /** Returns this snapshot updated with {@code readings}, as of {@code tick}. */
  public PeerSnapshot advance(long tick, ProbeReadings readings) {
    requireNonNull(readings, "readings");
    Map<Long, PeerInventory> peers;
    if (readings.inventoryComplete()) {
      peers = readings.inventory();
    } else {
      peers = new HashMap<>(inventory);
      peers.putAll(readings.inventory());
    }
    return new PeerSnapshot(tick, merge(rtt, readings.rtt()), merge(health, readings.health()),
        peers);
  }

  private static <V> Map<Long, V> merge(Map<Long, V> old, Map<Long, V> fresh) {
    if (fresh.isEmpty()) {
      return old;
    }
    Map<Long, V> merged = new HashMap<>(old);
    merged.putAll(fresh);
    return merged;
  }
}
