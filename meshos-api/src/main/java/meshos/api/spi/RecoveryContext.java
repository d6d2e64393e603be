package meshos.api.spi;

import meshos.api.ActionQueue;
import meshos.api.RecoveryRegistry;

/**
 * What a {@link RecoveryHandlerProvider} gets from the runtime that discovered it.
 *
 * <p>The context and the objects it returns may be kept and used from any thread for the lifetime
 * of the runtime.
 */
public interface RecoveryContext {

  /**
   * The runtime's registry, to register more handlers later (for example one per new group).
   * Callable from any thread, also from a handler during a pass; never blocks for handlers.
   *
   * @return the registry whose handlers the runtime runs on each tick; the same object each call
   */
  RecoveryRegistry registry();

  /**
   * The runtime's action queue, to run expensive work off the tick thread. Callable from any
   * thread.
   *
   * @return the queue whose actions run on the runtime's action worker; the same object each call
   */
  ActionQueue actions();

  /**
   * The runtime's name, as given to its builder. Callable from any thread.
   *
   * @return the name, used in thread names and log lines
   */
  String runtimeName();
}
