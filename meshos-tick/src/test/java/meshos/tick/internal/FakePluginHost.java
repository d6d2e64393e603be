package meshos.tick.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import meshos.api.ActionQueue;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeRegistry;
import meshos.registry.LockingRecoveryRegistry;

/** A runtime for the plugin tests: a real registry, probes and (unstarted) action queue. */
final class FakePluginHost implements PluginHost {
  final LockingRecoveryRegistry registry = new LockingRecoveryRegistry();
  final ProbeRegistry probes = new ProbeRegistry();
  final BoundedActionQueue actions = new BoundedActionQueue("meshos-actions-test", 16);
  final Map<RecoveryHandler, String> names = Collections.synchronizedMap(new IdentityHashMap<>());
  final List<RecoveryHandler> elsewhere = Collections.synchronizedList(new ArrayList<>());
  volatile boolean inTick;
  volatile boolean passEnded = true;

  @Override
  public String runtimeName() {
    return "test";
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
    return PeerSnapshot.empty();
  }

  @Override
  public void checkMayChangePlugins(String operation) {
    if (inTick) {
      throw new IllegalStateException(operation + " on the tick thread");
    }
  }

  @Override
  public boolean awaitPassInFlight(Duration timeout) {
    return passEnded;
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
    return List.copyOf(elsewhere);
  }
}
