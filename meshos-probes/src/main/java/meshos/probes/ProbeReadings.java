package meshos.probes;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one {@link ProbeRegistry#poll()} produced: the merged samples of the probes that succeeded
 * (for one node the last writer wins, in probe registration order) and the failures.
 *
 * <p>Inventory carries what {@link PeerSnapshot#advance} needs to prune per probe: which probe
 * reported each peer, and which probes answered with samples (each of those speaks for the whole
 * set of peers it reports).
 *
 * @param rtt round-trip time per node
 * @param health health per node
 * @param inventory inventory per peer
 * @param inventorySources for each peer of {@code inventory}, the probe whose sample it holds (the
 *     last to report the peer in this poll)
 * @param inventoryProbesWithSamples the inventory probes that succeeded in this poll (every call,
 *     if the instance is registered more than once) and returned at least one sample, in poll
 *     order, each once: a peer that one of them reported before and no longer lists may be
 *     forgotten
 * @param failures the probes that failed in this poll, in poll order
 */
public record ProbeReadings(
    Map<Long, Duration> rtt,
    Map<Long, NodeHealth> health,
    Map<Long, PeerInventory> inventory,
    Map<Long, Object> inventorySources,
    List<Object> inventoryProbesWithSamples,
    List<ProbeFailure> failures) {

  private static final ProbeReadings NONE =
      new ProbeReadings(Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of());

  /**
   * Copies the maps and the lists.
   *
   * @param rtt round-trip time per node
   * @param health health per node
   * @param inventory inventory per peer
   * @param inventorySources for each peer of {@code inventory}, the probe whose sample it holds
   * @param inventoryProbesWithSamples the inventory probes that answered with samples
   * @param failures the probes that failed in this poll, in poll order
   * @throws NullPointerException if an argument is null or holds null
   */
  public ProbeReadings {
    rtt = Map.copyOf(requireNonNull(rtt, "rtt"));
    health = Map.copyOf(requireNonNull(health, "health"));
    inventory = Map.copyOf(requireNonNull(inventory, "inventory"));
    inventorySources = Map.copyOf(requireNonNull(inventorySources, "inventorySources"));
    inventoryProbesWithSamples =
        List.copyOf(requireNonNull(inventoryProbesWithSamples, "inventoryProbesWithSamples"));
    failures = List.copyOf(requireNonNull(failures, "failures"));
  }

  /**
   * Readings with no samples and no failures.
   *
   * @return the shared empty readings
   */
  public static ProbeReadings none() {
    return NONE;
  }
}
