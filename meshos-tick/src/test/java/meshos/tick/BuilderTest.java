package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.NullPointerTester;
import java.time.Duration;
import meshos.api.RecoveryRegistry;
import meshos.probes.ProbeRegistry;
import meshos.registry.LockingRecoveryRegistry;
import org.junit.jupiter.api.Test;

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
