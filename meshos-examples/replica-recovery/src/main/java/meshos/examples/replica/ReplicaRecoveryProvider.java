package meshos.examples.replica;

import java.util.Arrays;
import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.tick.MeshOsContext;

/**
 * Creates the recovery handler of one replica group. The group's initial placement (slot {@code i}
 * on the {@code i}-th node) comes from the system property {@value #NODES_PROPERTY}, a
 * comma-separated list of node ids; default {@code 1,2,3}.
 */
public final class ReplicaRecoveryProvider implements RecoveryHandlerProvider {
  /** System property with the group's initial nodes, one per slot. */
  public static final String NODES_PROPERTY = "meshos.examples.replica.nodes";

  /** Called by {@link java.util.ServiceLoader}. */
  public ReplicaRecoveryProvider() {}

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    if (!(context instanceof MeshOsContext mesh)) {
      throw new IllegalStateException(
          "replica recovery needs node health: run it in a meshos.tick MeshOsRuntime");
    }
    long[] nodes = Arrays.stream(System.getProperty(NODES_PROPERTY, "1,2,3").split(","))
        .map(String::strip)
        .mapToLong(Long::parseLong)
        .toArray();
    return new ReplicaRecoveryHandler(new ReplicaGroup("replica-group", nodes), mesh);
  }
}
