package meshos.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerSnapshotTest {
  private static final PeerInventory A = PeerInventory.builder(Set.of("a")).build();
  private static final PeerInventory B = PeerInventory.builder(Set.of("b")).build();
  private static final ProbeFailure FAILURE =
      new ProbeFailure(ProbeKind.INVENTORY, new Object(), new IllegalStateException());

  private static ProbeReadings inventory(Map<Long, PeerInventory> peers, boolean complete) {
    return new ProbeReadings(Map.of(), Map.of(), peers, complete, List.of());
  }

  @Test
  void aCompleteInventoryPrunesPeersNoLongerReported() {
    PeerSnapshot s = PeerSnapshot.empty().advance(1, inventory(Map.of(1L, A, 2L, B), true));
    s = s.advance(2, inventory(Map.of(2L, B), true));
    assertEquals(Map.of(2L, B), s.inventory());
    assertEquals(2, s.tick());
  }

  @Test
  void anIncompleteInventoryNeverPrunes() {
    PeerSnapshot s = PeerSnapshot.empty().advance(1, inventory(Map.of(1L, A, 2L, B), true));
    // An inventory probe failed: its peers must not disappear.
    ProbeReadings partial =
        new ProbeReadings(Map.of(), Map.of(), Map.of(2L, A), false, List.of(FAILURE));
    s = s.advance(2, partial);
    assertEquals(Map.of(1L, A, 2L, A), s.inventory());
    // Every probe answered but with nothing: a transient empty answer wipes nothing.
    s = s.advance(3, inventory(Map.of(), false));
    assertEquals(Map.of(1L, A, 2L, A), s.inventory());
  }

  @Test
  void rttAndHealthKeepTheLastReportedValue() {
    PeerSnapshot s = PeerSnapshot.empty().advance(1, new ProbeReadings(
        Map.of(1L, Duration.ofMillis(3)), Map.of(1L, NodeHealth.HEALTHY), Map.of(), false,
        List.of()));
    s = s.advance(2, new ProbeReadings(
        Map.of(2L, Duration.ofMillis(4)), Map.of(1L, NodeHealth.UNREACHABLE), Map.of(), false,
        List.of()));
    assertEquals(Map.of(1L, Duration.ofMillis(3), 2L, Duration.ofMillis(4)), s.rtt());
    assertEquals(Optional.of(NodeHealth.UNREACHABLE), s.healthOf(1));
    assertTrue(s.healthOf(9).isEmpty());
  }
}
