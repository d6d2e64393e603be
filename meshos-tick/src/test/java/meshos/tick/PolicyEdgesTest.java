package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import meshos.api.RecoveryRegistry;
import org.junit.jupiter.api.Test;

/** Edges of the public policy and registry view that the scenario tests leave open. */
class PolicyEdgesTest {
  @Test
  void maxRestartsZeroIsAccepted() {
    assertDoesNotThrow(() -> Supervision.restartWithBackoff(Duration.ofSeconds(1),
        Duration.ofSeconds(2)).maxRestarts(0, Duration.ofMinutes(1)));
  }

  @Test
  void theRuntimesRegistryViewTellsWhetherItIsEmpty() {
    MeshOsRuntime runtime = MeshOsRuntime.builder().manualTicks().discoverProviders(false).build();
    RecoveryRegistry registry = runtime.recoveryRegistry();
    assertTrue(registry.isEmpty());
    registry.register(() -> new int[0]);
    assertFalse(registry.isEmpty());
    runtime.close();
  }
}
