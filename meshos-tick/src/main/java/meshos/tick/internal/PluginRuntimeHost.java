package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import meshos.api.ActionQueue;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeRegistry;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.RuntimeState;
import org.jspecify.annotations.Nullable;

/**
 * The {@link PluginHost} of a runtime: its registry view, queue, probes and snapshot, its tick gate
 * (held by the tick, or the start, in flight), its tick thread and its state. Any thread.
 */
public final class PluginRuntimeHost implements PluginHost {
  private final String name;
  private final RecoveryRegistry registry;
  private final ActionQueue actions;
  private final ProbeRegistry probes;
  private final Supplier<PeerSnapshot> snapshot;
  private final ReentrantLock gate;
  private final @Nullable TickLoop loop;
  private final Supplier<RuntimeState> state;
  private final HandlerNames names;

  /**
   * Binds the plugins to one runtime's parts.
   *
   * @param name the runtime's name
   * @param registry the users' view of the registry (its unregister cancels a quarantine)
   * @param actions the action queue
   * @param probes the probes the tick polls
   * @param snapshot the latest snapshot
   * @param gate the tick gate
   * @param loop the tick loop, or null with manual ticks
   * @param state the runtime's state
   * @param names the handler names
   */
  public PluginRuntimeHost(String name, RecoveryRegistry registry, ActionQueue actions,
      ProbeRegistry probes, Supplier<PeerSnapshot> snapshot, ReentrantLock gate,
      @Nullable TickLoop loop, Supplier<RuntimeState> state, HandlerNames names) {
    this.name = requireNonNull(name, "name");
    this.registry = requireNonNull(registry, "registry");
    this.actions = requireNonNull(actions, "actions");
    this.probes = requireNonNull(probes, "probes");
    this.snapshot = requireNonNull(snapshot, "snapshot");
    this.gate = requireNonNull(gate, "gate");
    this.loop = loop;
    this.state = requireNonNull(state, "state");
    this.names = requireNonNull(names, "names");
  }

  @Override
  public String runtimeName() {
    return name;
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
  public ProbeRegistry probes() {
    return probes;
  }

  @Override
  public PeerSnapshot snapshot() {
    return snapshot.get();
  }

  @Override
  public void checkMayChangePlugins(String operation) {
    if (gate.isHeldByCurrentThread() || (loop != null && Thread.currentThread() == loop.thread())) {
      throw new IllegalStateException("runtime '" + name + "': plugins cannot be " + operation
          + "ed on the tick thread (from a handler, a probe or a tick listener) or during start's"
          + " discovery; call " + operation + " from another thread");
    }
    RuntimeState now = state.get();
    if (operation.equals("load") && now != RuntimeState.NEW && now != RuntimeState.RUNNING) {
      throw new IllegalStateException(
          "runtime '" + name + "' cannot load a plugin: it is " + now);
    }
  }

  @Override
  public boolean awaitPassInFlight(Duration timeout) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + saturatedNanos(timeout);
    try {
      while (true) {
        try {
          if (gate.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            gate.unlock();
            return true;
          }
          return false;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void handlerNamed(RecoveryHandler handler, String providerClass) {
    names.put(handler, providerClass);
  }

  @Override
  public void handlerForgotten(RecoveryHandler handler) {
    names.remove(handler);
  }

  @Override
  public List<RecoveryHandler> registeredHandlers() {
    RecoveryRegistry behind = registry instanceof RuntimeRegistry view ? view.registry() : registry;
    // Another implementation (injected with Builder.recoveryRegistry) cannot list its handlers.
    return behind instanceof LockingRecoveryRegistry locking ? locking.handlers() : List.of();
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
