package meshos.tick;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One provider seen by discovery.
 *
 * @param className the class named in the provider's configuration: its module's {@code provides
 *     … with} or a {@code META-INF/services} file (for a {@code public static provider()} factory,
 *     the factory's class, not its return type). Only for a loading error that names no
 *     configured provider (an unreadable services file, say) it is {@code "<unknown>"}
 * @param moduleName the module whose configuration names the provider ({@code provides}, or its
 *     own {@code META-INF/services}), or {@code "unnamed"} for a services file on the class path;
 *     {@code "unknown"} exactly when {@code className} is {@code "<unknown>"}
 * @param outcome what discovery did with it
 * @param cause why it failed; empty unless {@link ProviderOutcome#FAILED}
 */
public record ProviderInfo(
    String className, String moduleName, ProviderOutcome outcome, Optional<Throwable> cause) {

  /**
   * Checks the components.
   *
   * @param className the class named in the provider's configuration: its module's {@code provides
   *     … with} or a {@code META-INF/services} file (for a {@code public static provider()} factory,
   *     the factory's class, not its return type). Only for a loading error that names no
   *     configured provider (an unreadable services file, say) it is {@code "<unknown>"}
   * @param moduleName the module whose configuration names the provider ({@code provides}, or its
   *     own {@code META-INF/services}), or {@code "unnamed"} for a services file on the class path;
   *     {@code "unknown"} exactly when {@code className} is {@code "<unknown>"}
   * @param outcome what discovery did with it
   * @param cause why it failed; empty unless {@link ProviderOutcome#FAILED}
   * @throws NullPointerException if an argument is null
   */
  public ProviderInfo {
    requireNonNull(className, "className");
    requireNonNull(moduleName, "moduleName");
    requireNonNull(outcome, "outcome");
    requireNonNull(cause, "cause");
  }
}
