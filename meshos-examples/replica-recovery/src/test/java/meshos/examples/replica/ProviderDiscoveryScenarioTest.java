package meshos.examples.replica;

import static meshos.examples.replica.Mesh.slots;
import static meshos.probes.NodeHealth.DEGRADED;
import static meshos.probes.NodeHealth.HEALTHY;
import static meshos.probes.NodeHealth.UNREACHABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import meshos.tick.ProviderInfo;
import meshos.tick.ProviderOutcome;
import org.junit.jupiter.api.Test;

/** The provider as users get it: found by ServiceLoader through this module's provides clause. */
class ProviderDiscoveryScenarioTest {
  @Test
  void theDiscoveredHandlerRecoversWhenASpareComesUp() {
    try (Mesh mesh = new Mesh(true)) {
      ProviderInfo info = mesh.runtime.providers().stream()
          .filter(p -> p.className().equals(ReplicaRecoveryProvider.class.getName()))
          .findFirst().orElseThrow();
      assertEquals(ProviderOutcome.LOADED, info.outcome());
      assertEquals("meshos.examples.replica", info.moduleName());

      mesh.set(HEALTHY, 1, 2, 3).set(DEGRADED, 4).set(UNREACHABLE, 2);
      assertEquals(List.of(), slots(mesh.tick()));
      mesh.set(HEALTHY, 5);
      assertEquals(List.of(1), slots(mesh.tick()));
    }
  }

  @Test
  void outsideAMeshOsRuntimeTheProviderRefusesClearly() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new ReplicaRecoveryProvider().create(new meshos.api.spi.RecoveryContext() {
          @Override
          public meshos.api.RecoveryRegistry registry() {
            throw new AssertionError();
          }

          @Override
          public meshos.api.ActionQueue actions() {
            throw new AssertionError();
          }

          @Override
          public String runtimeName() {
            return "x";
          }
        }));
    assertTrue(e.getMessage().contains("MeshOsRuntime"));
  }
}
