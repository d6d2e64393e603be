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

  /** The runtime's registry, to register more handlers later (for example one per new group). */
  RecoveryRegistry registry();

  /** The runtime's action queue, to run expensive work off the tick thread. */
  ActionQueue actions();

  /** The runtime's name, as given to its builder. */
  String runtimeName();
}
