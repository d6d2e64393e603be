package meshos.it.plugin.good;

import java.util.List;
import meshos.api.ActionQueue;
import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.probes.HealthSample;
import meshos.probes.NodeHealth;
import meshos.tick.MeshOsContext;

/**
 * Recovers slot 42 on every tick and offers one action per run (it prints {@code PLUGIN-ACTION
 * ran}); reports node 42 healthy through a health probe.
 */
public final class GoodPlugin implements RecoveryHandlerProvider {
  private static final int[] SLOT = {42};

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    if (context instanceof MeshOsContext mesh) {
      mesh.probeRegistry().addHealthProbe(() -> List.of(new HealthSample(42, NodeHealth.HEALTHY)));
    }
    ActionQueue actions = context.actions();
    return () -> {
      actions.offer(() -> System.out.println("PLUGIN-ACTION ran"));
      return SLOT;
    };
  }
}
