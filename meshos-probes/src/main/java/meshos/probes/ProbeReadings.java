package meshos.probes;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one {@link ProbeRegistry#poll()} produced: the merged samples of the probes that succeeded
 * (for one node the last writer wins, in probe registration order) and the failures.
 *
 * @param rtt round-trip time per node
 * @param health health per node
 * @param inventory inventory per peer
 * @param inventoryComplete true when every inventory probe succeeded and at least one returned
 *     samples: only then is {@code inventory} the whole picture, and a peer missing from it may be
 *     forgotten (see {@link PeerSnapshot#advance})
 * @param failures the probes that failed in this poll, in poll order
 */
public record ProbeReadings(
    Map<Long, Duration> rtt,
    Map<Long, NodeHealth> health,
    Map<Long, PeerInventory> inventory,
    boolean inventoryComplete,
    List<ProbeFailure> failures) {

  private static final ProbeReadings NONE =
      new ProbeReadings(Map.of(), Map.of(), Map.of(), false, List.of());

  /** Copies the maps and the list. */
  public ProbeReadings {
    rtt = Map.copyOf(requireNonNull(rtt, "rtt"));
    health = Map.copyOf(requireNonNull(health, "health"));
    inventory = Map.copyOf(requireNonNull(inventory, "inventory"));
    failures = List.copyOf(requireNonNull(failures, "failures"));
  }

  /** Readings with no samples and no failures. */
  public static ProbeReadings none() {
    return NONE;
  }
}
