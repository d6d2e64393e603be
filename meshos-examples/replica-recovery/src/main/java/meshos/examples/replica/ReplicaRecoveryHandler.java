package meshos.examples.replica;

import java.util.Map;
import meshos.api.RecoveryHandler;
import meshos.probes.NodeHealth;
import meshos.tick.MeshOsContext;

/**
 * The recovery handler of one {@link ReplicaGroup}: every tick it reads node health from the
 * runtime's snapshot (filled by health probes earlier in the same tick), marks the slots of failed
 * nodes unhealthy and retries their placement. Cheap: when all slots are healthy and their nodes
 * are not reported failed, it returns at once. The data copy to a new node is slow, so it goes
 * through the action queue.
 */
final class ReplicaRecoveryHandler implements RecoveryHandler {
  private static final System.Logger LOG =
      System.getLogger(ReplicaRecoveryHandler.class.getName());
  private static final int[] NONE = new int[0];

  private final ReplicaGroup group;
  private final MeshOsContext context;

  ReplicaRecoveryHandler(ReplicaGroup group, MeshOsContext context) {
    this.group = group;
    this.context = context;
  }

  @Override
  public int[] recover() {
    Map<Long, NodeHealth> health = context.snapshot().health();
    group.markFailed(node -> {
      NodeHealth h = health.get(node);
      return h != null && h != NodeHealth.HEALTHY;
    });
    if (group.unhealthyCount() == 0) {
      return NONE;
    }
    long[] spares = health.entrySet().stream()
        .filter(e -> e.getValue() == NodeHealth.HEALTHY)
        .mapToLong(Map.Entry::getKey)
        .sorted()
        .toArray();
    int[] recovered = group.tryRecover(spares);
    for (int slot : recovered) {
      long node = group.nodeOf(slot);
      context.actions().offer(() -> LOG.log(System.Logger.Level.INFO,
          () -> group.name() + ": resynced slot " + slot + " onto node " + node));
    }
    return recovered;
  }

  ReplicaGroup group() {
    return group;
  }

  @Override
  public String toString() {
    return "ReplicaRecoveryHandler[" + group + "]";
  }
}
