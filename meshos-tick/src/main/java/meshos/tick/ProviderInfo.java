package meshos.tick;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One provider seen by discovery.
 *
 * @param className the provider's class name; for a provider whose class could not even be named
 *     by {@link java.util.ServiceLoader}, the name found in the error, or {@code "<unknown>"}
 * @param moduleName the provider's module name, or {@code "unnamed"} for the class path
 * @param outcome what discovery did with it
 * @param cause why it failed; empty unless {@link ProviderOutcome#FAILED}
 */
public record ProviderInfo(
    String className, String moduleName, ProviderOutcome outcome, Optional<Throwable> cause) {

  /** @throws NullPointerException if an argument is null */
  public ProviderInfo {
    requireNonNull(className, "className");
    requireNonNull(moduleName, "moduleName");
    requireNonNull(outcome, "outcome");
    requireNonNull(cause, "cause");
  }
}
