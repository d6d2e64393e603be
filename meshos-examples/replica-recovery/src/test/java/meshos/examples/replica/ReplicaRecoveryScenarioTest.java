package meshos.examples.replica;

import static meshos.examples.replica.Mesh.slots;
import static meshos.probes.NodeHealth.DEGRADED;
import static meshos.probes.NodeHealth.HEALTHY;
import static meshos.probes.NodeHealth.UNREACHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** X-13 end to end with manual ticks: health probe → snapshot → recovery handler → report. */
class ReplicaRecoveryScenarioTest {
  private final Mesh mesh = new Mesh(false);

  @AfterEach
  void close() {
    mesh.close();
  }

  @Test
  void aFailedNodeWithNoHealthySpareLeavesTheSlotUnhealthyAndRecoversNothing() {
    ReplicaGroup group = mesh.register(new ReplicaGroup("g", 1, 2, 3)).group();
    mesh.set(HEALTHY, 1, 2, 3).set(DEGRADED, 4);
    mesh.tick();

    mesh.set(UNREACHABLE, 2);
    List<Integer> recovered = slots(mesh.tick());

    assertEquals(List.of(), recovered);
    assertFalse(group.isHealthy(1));
    assertEquals(0, group.term());
    assertEquals(List.of(), slots(mesh.tick()), "still no spare on the next tick");
  }

  @Test
  void aSpareTurningHealthyIsUsedOnTheVeryNextTickAndTheTermGoesUp() {
    ReplicaGroup group = mesh.register(new ReplicaGroup("g", 1, 2, 3)).group();
    mesh.set(HEALTHY, 1, 2, 3).set(DEGRADED, 4);
    mesh.set(UNREACHABLE, 2);
    mesh.tick();
    assertFalse(group.isHealthy(1));

    mesh.set(HEALTHY, 5); // a different spare than the degraded one comes up
    List<Integer> recovered = slots(mesh.tick());

    assertEquals(List.of(1), recovered);
    assertTrue(group.isHealthy(1));
    assertEquals(5, group.nodeOf(1));
    assertEquals(1, group.term());
  }

  @Test
  void sixUnhealthySlotsRecoverFourThenTwoLowestFirst() {
    ReplicaGroup group = mesh.register(new ReplicaGroup("g", 1, 2, 3, 4, 5, 6)).group();
    mesh.set(UNREACHABLE, 1, 2, 3, 4, 5, 6);
    mesh.tick();
    assertEquals(6, group.unhealthyCount());

    mesh.set(HEALTHY, 11, 12, 13, 14, 15, 16);
    assertEquals(List.of(0, 1, 2, 3), slots(mesh.tick()));
    assertEquals(1, group.term());
    assertEquals(List.of(4, 5), slots(mesh.tick()));
    assertEquals(2, group.term());
    assertEquals(List.of(), slots(mesh.tick()));
  }

  @Test
  void recoveredSlotsLandOnDistinctNodesNotHostingHealthyMembers() {
    ReplicaGroup group = mesh.register(new ReplicaGroup("g", 1, 2, 3)).group();
    mesh.set(HEALTHY, 1).set(UNREACHABLE, 2, 3);
    mesh.tick();

    mesh.set(HEALTHY, 7, 8); // node 1 is healthy too, but hosts slot 0
    assertEquals(List.of(1, 2), slots(mesh.tick()));

    assertNotEquals(group.nodeOf(1), group.nodeOf(2));
    assertEquals(List.of(7L, 8L), List.of(group.nodeOf(1), group.nodeOf(2)));
    assertEquals(1, group.term(), "one increment per call, not per slot");
  }

  @Test
  void withOneSpareOnlyTheLowestSlotRecoversAndTheRestWaits() {
    ReplicaGroup group = mesh.register(new ReplicaGroup("g", 1, 2, 3)).group();
    mesh.set(UNREACHABLE, 2, 3).set(HEALTHY, 1);
    mesh.tick();
    mesh.set(HEALTHY, 9);
    assertEquals(List.of(1), slots(mesh.tick()));
    assertFalse(group.isHealthy(2));
    mesh.set(HEALTHY, 10);
    assertEquals(List.of(2), slots(mesh.tick()));
  }

  @Test
  void nothingUnhealthyChangesNothing() {
    ReplicaGroup group = mesh.register(new ReplicaGroup("g", 1, 2, 3)).group();
    mesh.set(HEALTHY, 1, 2, 3, 4, 5);
    for (int i = 0; i < 3; i++) {
      assertEquals(List.of(), slots(mesh.tick()));
    }
    assertEquals(0, group.term());
    assertEquals(List.of(1L, 2L, 3L), List.of(group.nodeOf(0), group.nodeOf(1), group.nodeOf(2)));
  }
}
