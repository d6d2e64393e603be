package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import meshos.api.ActionQueue;
import meshos.api.RecoveryRegistry;
import meshos.api.spi.RecoveryContext;

/** The {@link RecoveryContext} a runtime hands to its providers. */
public record RuntimeContext(RecoveryRegistry registry, ActionQueue actions, String runtimeName)
    implements RecoveryContext {
  /** @throws NullPointerException if an argument is null */
  public RuntimeContext {
    requireNonNull(registry, "registry");
    requireNonNull(actions, "actions");
    requireNonNull(runtimeName, "runtimeName");
  }
}
