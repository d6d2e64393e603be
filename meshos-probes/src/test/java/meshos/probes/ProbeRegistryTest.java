package meshos.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProbeRegistryTest {
  private final ProbeRegistry registry = new ProbeRegistry();
  private final List<String> calls = new ArrayList<>();

  private LocalityProbe rtt(String name, long node, long millis) {
    return () -> {
      calls.add(name);
      return List.of(new RttSample(node, Duration.ofMillis(millis)));
    };
  }

  private HealthProbe health(String name, long node, NodeHealth h) {
    return () -> {
      calls.add(name);
      return List.of(new HealthSample(node, h));
    };
  }

  private static PeerInventory inventory(String capability) {
    return PeerInventory.builder(Set.of(capability)).build();
  }

  @Test
  void pollCallsEveryProbeOnceInRegistrationOrderKindByKind() {
    registry.addHealthProbe(health("h1", 1, NodeHealth.HEALTHY));
    registry.addLocalityProbe(rtt("l1", 1, 5));
    registry.addHealthProbe(health("h2", 2, NodeHealth.DEGRADED));
    registry.addLocalityProbe(rtt("l2", 2, 7));
    registry.addInventoryProbe(() -> {
      calls.add("i1");
      return List.of();
    });

    ProbeReadings readings = registry.poll();

    assertEquals(List.of("l1", "l2", "h1", "h2", "i1"), calls);
    assertEquals(Map.of(1L, Duration.ofMillis(5), 2L, Duration.ofMillis(7)), readings.rtt());
    assertEquals(Map.of(1L, NodeHealth.HEALTHY, 2L, NodeHealth.DEGRADED), readings.health());
    assertTrue(readings.failures().isEmpty());
  }

  @Test
  void lastWriterWinsPerNode() {
    registry.addHealthProbe(health("first", 7, NodeHealth.HEALTHY));
    registry.addHealthProbe(() -> List.of(
        new HealthSample(7, NodeHealth.DEGRADED), new HealthSample(7, NodeHealth.UNREACHABLE)));
    registry.addLocalityProbe(rtt("a", 7, 1));
    registry.addLocalityProbe(rtt("b", 7, 2));

    ProbeReadings readings = registry.poll();

    assertEquals(NodeHealth.UNREACHABLE, readings.health().get(7L));
    assertEquals(Duration.ofMillis(2), readings.rtt().get(7L));
  }

  @Test
  void aThrowingProbeIsSkippedKeptPolledAgainAndReported() {
    IllegalStateException boom = new IllegalStateException("probe down");
    int[] polls = {0};
    HealthProbe flaky = () -> {
      polls[0]++;
      if (polls[0] == 1) {
        throw boom;
      }
      return List.of(new HealthSample(3, NodeHealth.HEALTHY));
    };
    registry.addHealthProbe(flaky);
    registry.addHealthProbe(health("other", 4, NodeHealth.HEALTHY));

    ProbeReadings first = registry.poll();
    assertEquals(Map.of(4L, NodeHealth.HEALTHY), first.health(), "skipped, others still used");
    assertEquals(List.of(new ProbeFailure(ProbeKind.HEALTH, flaky, boom)), first.failures());
    assertEquals(2, registry.counts().health(), "kept");

    ProbeReadings second = registry.poll();
    assertEquals(NodeHealth.HEALTHY, second.health().get(3L), "polled again next time");
    assertTrue(second.failures().isEmpty());
  }

  @Test
  void nullResultsAndNullSamplesAreFailuresAndNoneOfTheProbesSamplesAreUsed() {
    LocalityProbe nullList = () -> null;
    LocalityProbe nullSample =
        () -> Arrays.asList(new RttSample(1, Duration.ofMillis(1)), null);
    registry.addLocalityProbe(nullList);
    registry.addLocalityProbe(nullSample);

    ProbeReadings readings = registry.poll();

    assertTrue(readings.rtt().isEmpty());
    assertEquals(2, readings.failures().size());
    assertInstanceOf(NullPointerException.class, readings.failures().get(0).cause());
    assertTrue(readings.failures().get(1).cause().getMessage().contains("index 1"));
  }

  @Test
  void aFatalErrorFromAProbeIsRethrownAndTheProbeIsKept() {
    registry.addLocalityProbe(() -> {
      throw new OutOfMemoryError("simulated");
    });
    assertThrows(OutOfMemoryError.class, registry::poll);
    assertEquals(1, registry.counts().locality());
  }

  @Test
  void inventoryNamesTheProbesThatAnsweredWithSamplesAndTheSourceOfEachPeer() {
    InventoryProbe full = () -> List.of(new InventorySample(1, inventory("gpu")));
    InventoryProbe later = () -> List.of(
        new InventorySample(1, inventory("tpu")), new InventorySample(2, inventory("cpu")));
    InventoryProbe empty = List::of;
    InventoryProbe failing = () -> {
      throw new IllegalStateException("x");
    };
    registry.addInventoryProbe(empty);
    registry.addInventoryProbe(full);
    registry.addInventoryProbe(failing);
    registry.addInventoryProbe(later);
    registry.addInventoryProbe(full);

    ProbeReadings readings = registry.poll();

    assertEquals(List.of(full, later), readings.inventoryProbesWithSamples());
    assertEquals(Map.of(1L, full, 2L, later), readings.inventorySources());
    assertEquals(inventory("gpu"), readings.inventory().get(1L), "last writer wins");
    assertEquals(1, readings.failures().size());
    assertSame(failing, readings.failures().get(0).probe());
  }

  /** A list that passes index-based checks but fails whenever it is iterated. */
  private static final class IteratorThrows<T> extends AbstractList<T> {
    private final List<T> elements;
    int iterations;

    IteratorThrows(List<T> elements) {
      this.elements = elements;
    }

    @Override
    public T get(int index) {
      return elements.get(index);
    }

    @Override
    public int size() {
      return elements.size();
    }

    @Override
    public Iterator<T> iterator() {
      iterations++;
      throw new ConcurrentModificationException("walked again");
    }
  }

  @Test
  void aListThatFailsWhenWalkedSkipsThatProbeAloneAndIsReportedAsItsFailure() {
    IteratorThrows<HealthSample> hostile =
        new IteratorThrows<>(List.of(new HealthSample(1, NodeHealth.UNREACHABLE)));
    HealthProbe bad = () -> hostile;
    registry.addHealthProbe(health("good", 2, NodeHealth.HEALTHY));
    registry.addHealthProbe(bad);
    registry.addLocalityProbe(rtt("rtt", 3, 4));

    ProbeReadings readings = registry.poll();

    assertEquals(Map.of(2L, NodeHealth.HEALTHY), readings.health());
    assertEquals(Map.of(3L, Duration.ofMillis(4)), readings.rtt());
    assertEquals(1, readings.failures().size());
    assertSame(bad, readings.failures().get(0).probe());
    assertInstanceOf(ConcurrentModificationException.class, readings.failures().get(0).cause());
    assertEquals(1, hostile.iterations, "walked once, inside the probe's guard");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aListHoldingSomethingElseThanSamplesIsThatProbesFailure() {
    List raw = new ArrayList<>(List.of(new HealthSample(1, NodeHealth.HEALTHY), "not a sample"));
    HealthProbe polluted = () -> raw;
    registry.addHealthProbe(polluted);
    registry.addHealthProbe(health("good", 2, NodeHealth.DEGRADED));

    ProbeReadings readings = registry.poll();

    assertEquals(Map.of(2L, NodeHealth.DEGRADED), readings.health());
    assertInstanceOf(ClassCastException.class, readings.failures().get(0).cause());
    assertTrue(readings.failures().get(0).cause().getMessage().contains("index 1"));
  }

  @Test
  void removeTakesOutOneRegistrationByIdentity() {
    LocalityProbe probe = rtt("p", 1, 1);
    registry.addLocalityProbe(probe);
    registry.addLocalityProbe(rtt("q", 2, 1));
    registry.addLocalityProbe(probe);

    assertTrue(registry.removeLocalityProbe(probe));
    registry.poll();
    assertEquals(List.of("q", "p"), calls);
    assertTrue(registry.removeLocalityProbe(probe));
    assertFalse(registry.removeLocalityProbe(probe));
    assertFalse(registry.removeHealthProbe(() -> List.of()));
    assertEquals(new ProbeCounts(1, 0, 0), registry.counts());
  }

  @Test
  void clearEmptiesOneKindOnly() {
    registry.addLocalityProbe(rtt("l", 1, 1));
    registry.addHealthProbe(health("h", 1, NodeHealth.HEALTHY));
    registry.addInventoryProbe(List::of);

    registry.clear(ProbeKind.HEALTH);

    assertEquals(new ProbeCounts(1, 0, 1), registry.counts());
    assertEquals(2, registry.counts().total());
    assertEquals(0, registry.counts().of(ProbeKind.HEALTH));
  }

  @Test
  void aProbeAddedDuringAPollIsPolledFromTheNextPoll() {
    HealthProbe late = health("late", 2, NodeHealth.HEALTHY);
    registry.addHealthProbe(() -> {
      calls.add("adder");
      registry.addHealthProbe(late);
      registry.clear(ProbeKind.LOCALITY);
      return List.of();
    });
    registry.poll();
    assertEquals(List.of("adder"), calls);
    calls.clear();
    registry.poll();
    assertEquals(List.of("adder", "late"), calls.subList(0, 2));
  }

  @Test
  @Timeout(30)
  void concurrentAddsAreNotLostAndCountsStayConsistent() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CyclicBarrier start = new CyclicBarrier(3);
      int perThread = 2_000;
      List<Future<?>> futures = new ArrayList<>();
      for (int writer = 0; writer < 2; writer++) {
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            registry.addLocalityProbe(List::of);
            registry.addHealthProbe(List::of);
          }
          return null;
        }));
      }
      Future<Integer> reader = pool.submit(() -> {
        start.await();
        int inconsistent = 0;
        for (int i = 0; i < 20_000; i++) {
          ProbeCounts c = registry.counts();
          // Each writer adds locality before health, so locality can lead by at most 2.
          int lead = c.locality() - c.health();
          if (lead < 0 || lead > 2) {
            inconsistent++;
          }
        }
        return inconsistent;
      });
      for (Future<?> f : futures) {
        f.get(20, TimeUnit.SECONDS);
      }
      assertEquals(0, reader.get(20, TimeUnit.SECONDS));
      assertEquals(new ProbeCounts(2 * perThread, 2 * perThread, 0), registry.counts());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void pollOfAnEmptyRegistryHasNothing() {
    ProbeReadings readings = registry.poll();
    assertEquals(ProbeReadings.none(), readings);
    assertSame(ProbeReadings.none(), ProbeReadings.none());
  }
}
