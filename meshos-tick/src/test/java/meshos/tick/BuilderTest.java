package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import meshos.api.RecoveryRegistry;
import meshos.probes.ProbeRegistry;
import meshos.registry.LockingRecoveryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuilderTest {
  @Test
  void nullArgumentsAreRejectedByName() {
    NullPointerTester tester = new NullPointerTester()
        .setDefault(Duration.class, Duration.ofMillis(1))
        .setDefault(RecoveryRegistry.class, new LockingRecoveryRegistry())
        .setDefault(MissedTickPolicy.class, MissedTickPolicy.DELAY)
        .setDefault(String.class, "x");
    tester.testAllPublicInstanceMethods(MeshOsRuntime.builder());
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> MeshOsRuntime.builder().tickInterval(null));
    assertEquals("tickInterval", e.getMessage());
  }

  @Test
  void nonPositiveValuesAndBlankNamesAreRejected() {
    MeshOsRuntime.Builder b = MeshOsRuntime.builder();
    assertThrows(IllegalArgumentException.class, () -> b.tickInterval(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.tickInterval(Duration.ofMillis(-1)));
    assertThrows(IllegalArgumentException.class, () -> b.actionQueueCapacity(0));
    assertThrows(IllegalArgumentException.class, () -> b.shutdownTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.name(" "));
  }

  /** Finding 9: every duration option rejects what it cannot compute with, naming itself. */
  @ParameterizedTest
  @ValueSource(strings = {"tickInterval", "tickBudget", "shutdownTimeout"})
  void absurdDurationsAreRejectedBySetterNamingTheOption(String option) {
    for (Duration absurd : List.of(Duration.ZERO, Duration.ofNanos(-1),
        ChronoUnit.FOREVER.getDuration(), ChronoUnit.MILLENNIA.getDuration(),
        Duration.ofDays(365L * 1000), Duration.ofDays(36_501))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> set(MeshOsRuntime.builder(), option, absurd), option + " " + absurd);
      assertTrue(e.getMessage().startsWith(option + " "), e.getMessage());
    }
    MeshOsRuntime.Builder longest = set(MeshOsRuntime.builder().manualTicks()
        .discoverProviders(false), option, Duration.ofDays(36_500));
    MeshOsRuntime runtime = longest.build().start();
    runtime.close(); // a 100-year timeout does not overflow any deadline
    assertEquals(RuntimeState.TERMINATED, runtime.state());
  }

  private static MeshOsRuntime.Builder set(MeshOsRuntime.Builder b, String option, Duration d) {
    return switch (option) {
      case "tickInterval" -> b.tickInterval(d);
      case "tickBudget" -> b.tickBudget(d);
      default -> b.shutdownTimeout(d);
    };
  }

  @Test
  void injectedRegistriesAreTheOnesTheRuntimeUses() {
    LockingRecoveryRegistry recovery = new LockingRecoveryRegistry();
    ProbeRegistry probes = new ProbeRegistry();
    MeshOsRuntime runtime = MeshOsRuntime.builder().recoveryRegistry(recovery)
        .probeRegistry(probes).name("n").build();
    assertSame(probes, runtime.probeRegistry());
    // recoveryRegistry() is the runtime's view: every call lands in the injected registry.
    runtime.recoveryRegistry().register(() -> new int[0]);
    assertEquals(1, recovery.size());
    assertEquals("n", runtime.name());
    assertEquals(RuntimeState.NEW, runtime.state());
  }

  @Test
  void actionQueueCapacityBoundsTheQueue() {
    MeshOsRuntime runtime = MeshOsRuntime.builder().manualTicks().discoverProviders(false)
        .actionQueueCapacity(1).build();
    // Not started: the worker is not running, so the queue fills up.
    assertEquals(true, runtime.actions().offer(() -> { }));
    assertEquals(false, runtime.actions().offer(() -> { }));
    assertEquals(1, runtime.stats().actionsDropped());
  }
}
