package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.function.Predicate;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;

/**
 * The view of the runtime's {@link RecoveryRegistry} handed to users and providers ({@code
 * MeshOsRuntime.recoveryRegistry()}, {@code RecoveryContext.registry()}): every call goes straight
 * to the registry, so that the runtime can add to what {@code register} and {@code unregister} do
 * (supervision: unregistering also cancels a quarantine) without the tick's own pass, which calls
 * the registry directly, paying anything. Any thread.
 */
public final class RuntimeRegistry implements RecoveryRegistry {
  private final RecoveryRegistry registry;
  private final Supervisor supervisor;
  private final Predicate<RecoveryHandler> unregisterFromRegistry;

  /**
   * @param registry the registry the runtime runs
   * @param supervisor the runtime's supervisor: {@code unregister} also cancels a quarantine
   */
  public RuntimeRegistry(RecoveryRegistry registry, Supervisor supervisor) {
    this.registry = requireNonNull(registry, "registry");
    this.supervisor = requireNonNull(supervisor, "supervisor");
    this.unregisterFromRegistry = registry::unregister;
  }

  /** The registry behind this view: the one the tick runs. */
  public RecoveryRegistry registry() {
    return registry;
  }

  @Override
  public int register(RecoveryHandler handler) {
    return registry.register(handler);
  }

  @Override
  public boolean unregister(RecoveryHandler handler) {
    requireNonNull(handler, "handler");
    return supervisor.unregister(handler, unregisterFromRegistry);
  }

  @Override
  public int size() {
    return registry.size();
  }

  @Override
  public boolean isEmpty() {
    return registry.isEmpty();
  }

  @Override
  public int[] tryRunAll() {
    return registry.tryRunAll();
  }

  @Override
  public String toString() {
    return registry.toString();
  }
}
