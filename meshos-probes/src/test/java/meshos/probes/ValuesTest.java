package meshos.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Samples, inventory and registry reject bad input with a clear error. */
class ValuesTest {
  @Test
  void nullArgumentsAreRejectedByName() {
    NullPointerTester tester = new NullPointerTester()
        .setDefault(Duration.class, Duration.ZERO)
        .setDefault(LocalityProbe.class, List::of)
        .setDefault(HealthProbe.class, List::of)
        .setDefault(InventoryProbe.class, List::of)
        .setDefault(PeerInventory.class, PeerInventory.builder(Set.of()).build());
    tester.testAllPublicInstanceMethods(new ProbeRegistry());
    tester.testAllPublicConstructors(RttSample.class);
    tester.testAllPublicConstructors(HealthSample.class);
    tester.testAllPublicConstructors(InventorySample.class);
    tester.testAllPublicConstructors(ProbeFailure.class);
    tester.testAllPublicStaticMethods(PeerInventory.class);
    tester.testAllPublicInstanceMethods(PeerInventory.builder(Set.of()));
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new RttSample(1, null));
    assertEquals("rtt", e.getMessage());
  }

  @Test
  void negativeRttAndImpossibleUsageAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new RttSample(1, Duration.ofMillis(-1)));
    PeerInventory.Builder b = PeerInventory.builder(Set.of());
    assertThrows(IllegalArgumentException.class, () -> b.memory(5, 4));
    assertThrows(IllegalArgumentException.class, () -> b.disk(-1, 4));
    assertThrows(IllegalArgumentException.class, () -> b.cpuLoad(Double.NaN));
  }

  @Test
  void inventoryHoldsOnlyWhatWasReportedAndComparesByValue() {
    PeerInventory minimal = PeerInventory.builder(Set.of("ssd")).build();
    PeerInventory full = PeerInventory.builder(Set.of("ssd"))
        .cpuLoad(0.5).memory(1, 2).disk(3, 4).saturationTrend(SaturationTrend.RISING)
        .softwareVersion("1.2").forkedFrom(9).build();
    assertTrue(minimal.cpuLoad().isEmpty());
    assertTrue(minimal.forkedFrom().isEmpty());
    assertEquals(9, full.forkedFrom().getAsLong());
    assertEquals(4, full.diskTotalBytes().getAsLong());
    assertNotEquals(minimal, full);
    assertEquals(full, PeerInventory.builder(Set.of("ssd"))
        .cpuLoad(0.5).memory(1, 2).disk(3, 4).saturationTrend(SaturationTrend.RISING)
        .softwareVersion("1.2").forkedFrom(9).build());
    assertTrue(full.toString().contains("forkedFrom=9"));
  }
}
