package meshos.examples.replica;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import meshos.api.ActionQueue;
import meshos.api.RecoveryRegistry;
import meshos.probes.HealthSample;
import meshos.probes.NodeHealth;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeRegistry;
import meshos.tick.MeshOsContext;
import meshos.tick.MeshOsRuntime;
import meshos.tick.TickReport;

/** A manual-tick runtime whose health probe reports whatever the test scripts. */
final class Mesh implements AutoCloseable {
  final MeshOsRuntime runtime;
  private final Map<Long, NodeHealth> health = new TreeMap<>();

  Mesh(boolean discover) {
    runtime = MeshOsRuntime.builder().name("scenario").manualTicks().discoverProviders(discover)
        .build();
    runtime.probeRegistry().addHealthProbe(() -> health.entrySet().stream()
        .map(e -> new HealthSample(e.getKey(), e.getValue())).toList());
    runtime.start();
  }

  Mesh set(NodeHealth h, long... nodes) {
    for (long node : nodes) {
      health.put(node, h);
    }
    return this;
  }

  TickReport tick() {
    return runtime.tick();
  }

  /** Registers the handler of a group, wired to this runtime as discovery would wire it. */
  ReplicaRecoveryHandler register(ReplicaGroup group) {
    ReplicaRecoveryHandler handler = new ReplicaRecoveryHandler(group, context());
    runtime.recoveryRegistry().register(handler);
    return handler;
  }

  MeshOsContext context() {
    return new MeshOsContext() {
      @Override
      public PeerSnapshot snapshot() {
        return runtime.snapshot();
      }

      @Override
      public ProbeRegistry probeRegistry() {
        return runtime.probeRegistry();
      }

      @Override
      public RecoveryRegistry registry() {
        return runtime.recoveryRegistry();
      }

      @Override
      public ActionQueue actions() {
        return runtime.actions();
      }

      @Override
      public String runtimeName() {
        return runtime.name();
      }
    };
  }

  static List<Integer> slots(TickReport report) {
    return java.util.Arrays.stream(report.recoveredSlots()).boxed().toList();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
