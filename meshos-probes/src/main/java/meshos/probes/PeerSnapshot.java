package meshos.probes;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest known RTT, health and inventory of each peer, as of a tick. Immutable.
 *
 * <p>RTT and health keep the last value reported for a node, also when later polls leave the node
 * out. Inventory also keeps the last value, and is pruned per probe: a peer is forgotten only when
 * the probe that last reported it succeeds with samples ({@link
 * ProbeReadings#inventoryProbesWithSamples()}) and no longer lists it, and no other probe reports
 * it in that poll. A transiently empty or failing inventory probe never wipes what it reported
 * before, and never what another probe reports; the peers of a probe that was removed are kept.
 *
 * @param tick the tick whose readings this snapshot includes; 0 before the first tick
 * @param rtt round-trip time per node
 * @param health health per node
 * @param inventory inventory per peer
 * @param inventorySources for each peer of {@code inventory}, the probe that last reported it (a
 *     peer without one is never pruned)
 */
public record PeerSnapshot(
    long tick,
    Map<Long, Duration> rtt,
    Map<Long, NodeHealth> health,
    Map<Long, PeerInventory> inventory,
    Map<Long, Object> inventorySources) {

  private static final PeerSnapshot EMPTY =
      new PeerSnapshot(0, Map.of(), Map.of(), Map.of(), Map.of());

  /**
   * Copies the maps.
   *
   * @param tick the tick whose readings this snapshot includes; 0 before the first tick
   * @param rtt round-trip time per node
   * @param health health per node
   * @param inventory inventory per peer
   * @param inventorySources for each peer of {@code inventory}, the probe that last reported it
   * @throws NullPointerException if a map is null or holds null
   */
  public PeerSnapshot {
    rtt = Map.copyOf(requireNonNull(rtt, "rtt"));
    health = Map.copyOf(requireNonNull(health, "health"));
    inventory = Map.copyOf(requireNonNull(inventory, "inventory"));
    inventorySources = Map.copyOf(requireNonNull(inventorySources, "inventorySources"));
  }

  /**
   * The snapshot before any tick.
   *
   * @return the shared empty snapshot, tick 0
   */
  public static PeerSnapshot empty() {
    return EMPTY;
  }

  /**
   * The health of {@code node}, if any probe ever reported it.
   *
   * @param node the node's id
   * @return its last reported health, or empty
   */
  public Optional<NodeHealth> healthOf(long node) {
    return Optional.ofNullable(health.get(node));
  }

  /**
   * Returns this snapshot updated with {@code readings}, as of {@code tick}.
   *
   * @param tick the tick the readings belong to
   * @param readings one poll's readings
   * @return the updated snapshot; this one is unchanged
   * @throws NullPointerException if {@code readings} is null
   */
  public PeerSnapshot advance(long tick, ProbeReadings readings) {
    requireNonNull(readings, "readings");
    Map<Long, PeerInventory> peers = inventory;
    Map<Long, Object> sources = inventorySources;
    List<Object> answered = readings.inventoryProbesWithSamples();
    if (!answered.isEmpty() || !readings.inventory().isEmpty()) {
      Map<Long, PeerInventory> fresh = readings.inventory();
      peers = new HashMap<>(inventory);
      sources = new HashMap<>(inventorySources);
      for (Map.Entry<Long, Object> e : inventorySources.entrySet()) {
        if (!fresh.containsKey(e.getKey()) && containsIdentity(answered, e.getValue())) {
          peers.remove(e.getKey());
          sources.remove(e.getKey());
        }
      }
      peers.putAll(fresh);
      sources.putAll(readings.inventorySources());
    }
    return new PeerSnapshot(tick, merge(rtt, readings.rtt()), merge(health, readings.health()),
        peers, sources);
  }

  private static <V> Map<Long, V> merge(Map<Long, V> old, Map<Long, V> fresh) {
    if (fresh.isEmpty()) {
      return old;
    }
    Map<Long, V> merged = new HashMap<>(old);
    merged.putAll(fresh);
    return merged;
  }

  private static boolean containsIdentity(List<Object> list, Object element) {
    for (Object o : list) {
      if (o == element) {
        return true;
      }
    }
    return false;
  }
}
