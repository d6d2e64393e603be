package meshos.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerSnapshotTest {
  private static final PeerInventory A = PeerInventory.builder(Set.of("a")).build();
  private static final PeerInventory B = PeerInventory.builder(Set.of("b")).build();

  private final ProbeRegistry probes = new ProbeRegistry();
  private PeerSnapshot snapshot = PeerSnapshot.empty();
  private long tick;

  /** An inventory probe whose next answers the test sets: a list of samples, or null to throw. */
  private static final class Scripted implements InventoryProbe {
    List<InventorySample> next = List.of();

    @Override
    public List<InventorySample> poll() {
      if (next == null) {
        throw new IllegalStateException("probe down");
      }
      return next;
    }
  }

  private static List<InventorySample> peers(long... nodes) {
    List<InventorySample> samples = new ArrayList<>();
    for (long node : nodes) {
      samples.add(new InventorySample(node, node % 2 == 0 ? B : A));
    }
    return samples;
  }

  private Set<Long> pollAndAdvance() {
    snapshot = snapshot.advance(++tick, probes.poll());
    return snapshot.inventory().keySet();
  }

  @Test
  void aProbeThatNoLongerListsAPeerItReportedPrunesIt() {
    Scripted probe = new Scripted();
    probes.addInventoryProbe(probe);
    probe.next = peers(1, 2);
    assertEquals(Set.of(1L, 2L), pollAndAdvance());
    probe.next = peers(2);
    assertEquals(Set.of(2L), pollAndAdvance());
    assertEquals(Map.of(2L, B), snapshot.inventory());
    assertEquals(Map.of(2L, probe), snapshot.inventorySources());
    assertEquals(2, snapshot.tick());
  }

  @Test
  void aTransientlyEmptyOrFailingProbeNeverWipesAnotherProbesPeersNorItsOwn() {
    Scripted a = new Scripted();
    Scripted b = new Scripted();
    probes.addInventoryProbe(a);
    probes.addInventoryProbe(b);
    a.next = peers(1);
    b.next = peers(2);
    assertEquals(Set.of(1L, 2L), pollAndAdvance());

    b.next = List.of(); // transiently empty, while A succeeds with samples
    assertEquals(Set.of(1L, 2L), pollAndAdvance());
    b.next = null; // failing
    assertEquals(Set.of(1L, 2L), pollAndAdvance());
    a.next = List.of();
    b.next = List.of(); // both empty
    assertEquals(Set.of(1L, 2L), pollAndAdvance());

    b.next = peers(4); // B answers again without peer 2: B's peer goes, A's stays
    assertEquals(Set.of(1L, 4L), pollAndAdvance());
  }

  @Test
  void aPeerBelongsToTheProbeThatLastReportedIt() {
    Scripted a = new Scripted();
    Scripted b = new Scripted();
    probes.addInventoryProbe(a);
    probes.addInventoryProbe(b);
    a.next = peers(1);
    b.next = peers(2);
    pollAndAdvance();

    a.next = peers(1, 2); // peer 2 moves to A (B is empty this time)
    b.next = List.of();
    pollAndAdvance();
    assertSame(a, snapshot.inventorySources().get(2L));
    b.next = peers(3); // B no longer speaks for peer 2
    assertEquals(Set.of(1L, 2L, 3L), pollAndAdvance());
    a.next = peers(1); // A does
    assertEquals(Set.of(1L, 3L), pollAndAdvance());
  }

  @Test
  void aProbeAddedTwiceSpeaksForItsPeersOnlyWhenEveryCallSucceeded() {
    int[] calls = {0};
    InventoryProbe twice = () -> {
      calls[0]++;
      if (calls[0] == 1) {
        return peers(1, 3);
      }
      if (calls[0] % 2 == 0) {
        return peers(3);
      }
      throw new IllegalStateException("every other call fails");
    };
    probes.addInventoryProbe(twice);
    probes.addInventoryProbe(twice);
    assertEquals(Set.of(1L, 3L), pollAndAdvance()); // calls 1 and 2
    assertEquals(Set.of(1L, 3L), pollAndAdvance()); // call 3 fails, call 4 lists only peer 3
  }

  @Test
  void rttAndHealthOfANodeLeftOutOfALaterPollAreKept() {
    snapshot = snapshot.advance(1, readings(
        Map.of(1L, Duration.ofMillis(3)), Map.of(1L, NodeHealth.DEGRADED)));
    snapshot = snapshot.advance(2, readings(
        Map.of(2L, Duration.ofMillis(4)), Map.of(2L, NodeHealth.HEALTHY)));

    assertEquals(Map.of(1L, Duration.ofMillis(3), 2L, Duration.ofMillis(4)), snapshot.rtt());
    assertEquals(Optional.of(NodeHealth.DEGRADED), snapshot.healthOf(1));
    assertEquals(Optional.of(NodeHealth.HEALTHY), snapshot.healthOf(2));

    snapshot = snapshot.advance(3, ProbeReadings.none());
    assertEquals(Optional.of(NodeHealth.DEGRADED), snapshot.healthOf(1));
    assertEquals(Duration.ofMillis(3), snapshot.rtt().get(1L));
    assertEquals(3, snapshot.tick());
  }

  @Test
  void rttAndHealthKeepTheLastReportedValue() {
    snapshot = snapshot.advance(1, readings(
        Map.of(1L, Duration.ofMillis(3)), Map.of(1L, NodeHealth.HEALTHY)));
    snapshot = snapshot.advance(2, readings(
        Map.of(1L, Duration.ofMillis(5)), Map.of(1L, NodeHealth.UNREACHABLE)));
    assertEquals(Map.of(1L, Duration.ofMillis(5)), snapshot.rtt());
    assertEquals(Optional.of(NodeHealth.UNREACHABLE), snapshot.healthOf(1));
    assertTrue(snapshot.healthOf(9).isEmpty());
  }

  @Test
  void nullArgumentsAreRejectedByName() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> snapshot.advance(1, null));
    assertEquals("readings", e.getMessage());
    assertThrows(NullPointerException.class,
        () -> new PeerSnapshot(0, Map.of(), Map.of(), Map.of(), null));
  }

  private static ProbeReadings readings(Map<Long, Duration> rtt, Map<Long, NodeHealth> health) {
    return new ProbeReadings(rtt, health, Map.of(), Map.of(), List.of(), List.of());
  }
}
