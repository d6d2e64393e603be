package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import meshos.api.ActionQueue;
import meshos.api.RecoveryRegistry;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeRegistry;
import meshos.tick.MeshOsContext;

/** The {@link MeshOsContext} a runtime hands to its providers. */
public final class RuntimeContext implements MeshOsContext {
  private final RecoveryRegistry registry;
  private final ActionQueue actions;
  private final String runtimeName;
  private final Supplier<PeerSnapshot> snapshot;
  private final ProbeRegistry probes;

  /** @throws NullPointerException if an argument is null */
  public RuntimeContext(RecoveryRegistry registry, ActionQueue actions, String runtimeName,
      Supplier<PeerSnapshot> snapshot, ProbeRegistry probes) {
    this.registry = requireNonNull(registry, "registry");
    this.actions = requireNonNull(actions, "actions");
    this.runtimeName = requireNonNull(runtimeName, "runtimeName");
    this.snapshot = requireNonNull(snapshot, "snapshot");
    this.probes = requireNonNull(probes, "probes");
  }

  @Override
  public RecoveryRegistry registry() {
    return registry;
  }

  @Override
  public ActionQueue actions() {
    return actions;
  }

  @Override
  public String runtimeName() {
    return runtimeName;
  }

  @Override
  public PeerSnapshot snapshot() {
    return snapshot.get();
  }

  @Override
  public ProbeRegistry probeRegistry() {
    return probes;
  }

  @Override
  public String toString() {
    return "RuntimeContext[" + runtimeName + "]";
  }
}
