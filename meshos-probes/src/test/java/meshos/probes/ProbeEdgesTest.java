package meshos.probes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Boundaries and small promises of the probe values and registry (each found by PIT). */
@Timeout(30)
class ProbeEdgesTest {
  private final ProbeRegistry registry = new ProbeRegistry();

  @Test
  void removeOfEachKindTakesOutTheMiddleRegistrationAndKeepsTheOrder() {
    List<String> calls = new ArrayList<>();
    InventoryProbe a = () -> {
      calls.add("a");
      return List.of();
    };
    InventoryProbe b = () -> {
      calls.add("b");
      return List.of();
    };
    InventoryProbe c = () -> {
      calls.add("c");
      return List.of();
    };
    registry.addInventoryProbe(a);
    registry.addInventoryProbe(b);
    registry.addInventoryProbe(c);

    assertTrue(registry.removeInventoryProbe(b));
    assertFalse(registry.removeInventoryProbe(b));
    registry.poll();
    assertEquals(List.of("a", "c"), calls);

    HealthProbe h = List::of;
    registry.addHealthProbe(h);
    assertTrue(registry.removeHealthProbe(h));
    assertFalse(registry.removeHealthProbe(h));
    LocalityProbe l = List::of;
    registry.addLocalityProbe(l);
    assertTrue(registry.removeLocalityProbe(l));
    assertEquals(new ProbeCounts(0, 0, 2), registry.counts());
  }

  @Test
  void afterClearAndRemoveOtherThreadsCanStillChangeTheRegistry() throws Exception {
    HealthProbe h = List::of;
    registry.addHealthProbe(h);
    registry.clear(ProbeKind.LOCALITY);
    registry.removeHealthProbe(h);
    registry.removeHealthProbe(h);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      other.submit(() -> registry.addHealthProbe(h)).get(5, TimeUnit.SECONDS);
    } finally {
      other.shutdownNow();
    }
    assertEquals(1, registry.counts().health());
  }

  @Test
  void toStringNamesTheCounts() {
    registry.addLocalityProbe(List::of);
    registry.addInventoryProbe(List::of);
    registry.addInventoryProbe(List::of);
    assertEquals("ProbeRegistry[locality=1, health=0, inventory=2]", registry.toString());
  }

  @Test
  void countsPerKindAndTotal() {
    ProbeCounts counts = new ProbeCounts(1, 2, 4);
    assertEquals(1, counts.of(ProbeKind.LOCALITY));
    assertEquals(2, counts.of(ProbeKind.HEALTH));
    assertEquals(4, counts.of(ProbeKind.INVENTORY));
    assertEquals(7, counts.total());
  }

  @Test
  void aFullInventoryKeepsEveryPartAndPrintsIt() {
    PeerInventory full = PeerInventory.builder(Set.of("gpu"))
        .cpuLoad(0.0)
        .memory(0, 0)
        .disk(7, 7)
        .saturationTrend(SaturationTrend.RISING)
        .softwareVersion("1.2")
        .forkedFrom(9)
        .build();
    assertEquals(Set.of("gpu"), full.capabilities());
    assertEquals(OptionalDouble.of(0.0), full.cpuLoad());
    assertEquals(OptionalLong.of(0), full.memoryUsedBytes());
    assertEquals(OptionalLong.of(0), full.memoryTotalBytes());
    assertEquals(OptionalLong.of(7), full.diskUsedBytes());
    assertEquals(OptionalLong.of(7), full.diskTotalBytes());
    assertEquals(Optional.of(SaturationTrend.RISING), full.saturationTrend());
    assertEquals(Optional.of("1.2"), full.softwareVersion());
    assertEquals(OptionalLong.of(9), full.forkedFrom());
    assertEquals("PeerInventory{capabilities=[gpu], cpuLoad=0.0, memoryUsed=0, memoryTotal=0,"
        + " diskUsed=7, diskTotal=7, trend=" + SaturationTrend.RISING
        + ", version=1.2, forkedFrom=9}", full.toString());

    PeerInventory same = PeerInventory.builder(Set.of("gpu")).cpuLoad(0.0).memory(0, 0)
        .disk(7, 7).saturationTrend(SaturationTrend.RISING).softwareVersion("1.2")
        .forkedFrom(9).build();
    assertEquals(full, same);
    assertEquals(full.hashCode(), same.hashCode());
    assertNotEquals(full.hashCode(), PeerInventory.builder(Set.of("gpu")).build().hashCode());
  }

  @Test
  void usageBoundariesAreInclusive() {
    PeerInventory.Builder b = PeerInventory.builder(Set.of());
    assertDoesNotThrow(() -> b.memory(0, 1).disk(1, 1).cpuLoad(0));
    assertThrows(IllegalArgumentException.class, () -> b.memory(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> b.disk(2, 1));
    assertThrows(IllegalArgumentException.class, () -> b.cpuLoad(-0.001));
  }

  @Test
  void handBuiltReadingsWithInventoryButNoAnsweringProbeAddPeersAndPruneNothing() {
    PeerInventory inv = PeerInventory.builder(Set.of("x")).build();
    PeerSnapshot s = PeerSnapshot.empty().advance(1, new ProbeReadings(Map.of(), Map.of(),
        Map.of(1L, inv), Map.of(), List.of(), List.of()));
    s = s.advance(2, new ProbeReadings(Map.of(5L, Duration.ZERO), Map.of(),
        Map.of(2L, inv), Map.of(), List.of(), List.of()));
    assertEquals(Set.of(1L, 2L), s.inventory().keySet());
  }
}
