package meshos.tick.internal;

import java.time.Duration;
import java.util.List;
import meshos.api.ActionQueue;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeRegistry;

/**
 * What {@link PluginManager} needs from the runtime it plugs into. Implemented by the runtime;
 * every method may be called from any thread (load and unload run on the caller's thread, the leak
 * check on its own).
 */
public interface PluginHost {

  /** Returns the runtime's name, for contexts, logs and thread names. */
  String runtimeName();

  /**
   * The registry plugin handlers go to.
   *
   * @return the registry plugin handlers go to; its {@code unregister} also cancels a quarantine
   */
  RecoveryRegistry registry();

  /** Returns the runtime's action queue. */
  ActionQueue actions();

  /** Returns the probes the runtime polls every tick. */
  ProbeRegistry probes();

  /** Returns the runtime's latest snapshot. */
  PeerSnapshot snapshot();

  /**
   * Throws unless plugins may be changed now.
   *
   * @param operation "load" or "unload", for the message
   * @throws IllegalStateException naming the state: on the tick thread (inside a tick), or, for
   *     a load, when the runtime is stopping or terminated
   */
  void checkMayChangePlugins(String operation);

  /**
   * Waits until no pass that started before this call is running.
   *
   * @param timeout the longest wait
   * @return false if the wait timed out
   */
  boolean awaitPassInFlight(Duration timeout);

  /**
   * A plugin provider's handler was registered; the runtime names it in its reports.
   *
   * @param handler the handler
   * @param providerClass its provider's class name
   */
  void handlerNamed(RecoveryHandler handler, String providerClass);

  /**
   * A plugin's handler was unregistered: forget its name and anything else kept about it.
   *
   * @param handler the handler
   */
  void handlerForgotten(RecoveryHandler handler);

  /**
   * The handlers registered now, through any path, for the leak check to find those of a plugin's
   * classes; may be empty if the registry cannot list them.
   *
   * @return a snapshot
   */
  List<RecoveryHandler> registeredHandlers();
}
