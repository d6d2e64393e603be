package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import meshos.api.spi.RecoveryHandlerProvider;
import org.jspecify.annotations.Nullable;

/**
 * One provider seen by discovery, named before anything is instantiated: the loader's result for
 * it (a {@link ServiceLoader.Provider} or the {@link ServiceConfigurationError} it raised) tied to
 * the configured name. Immutable; the discovering thread.
 *
 * @param className the class named in the configuration (module descriptor or services file); for
 *     a result no configuration names, the provider's type, or {@value #UNKNOWN} for an error
 * @param moduleName the module of the configuration naming it, {@value ServicesEntry#UNNAMED} for
 *     the class path, {@value #UNKNOWN_MODULE} with {@value #UNKNOWN}
 * @param entry the configuration entry, null if none names this result
 * @param provider the loader's provider, null if it raised an error or was never reached
 * @param error the loader's error for it, null if none
 * @param lookAlikes other configured names the loader reports with the same type from another
 *     module: {@code ServiceLoader} gives no way to tell them apart before they are instantiated,
 *     so the matcher's name is provisional ({@link ProviderLookAlikes} names them by the module of
 *     the instance, or refuses them all if one is excluded); empty almost always
 */
record ProviderCandidate(
    String className,
    String moduleName,
    @Nullable ServicesEntry entry,
    ServiceLoader.@Nullable Provider<RecoveryHandlerProvider> provider,
    @Nullable ServiceConfigurationError error,
    List<String> lookAlikes) {

  /** The class name of an error no configured provider could be tied to. */
  static final String UNKNOWN = "<unknown>";
  /** The module name that goes with {@link #UNKNOWN}. */
  static final String UNKNOWN_MODULE = "unknown";

  ProviderCandidate {
    requireNonNull(className, "className");
    requireNonNull(moduleName, "moduleName");
    lookAlikes = List.copyOf(lookAlikes);
  }

  /** Configured in a named module's services file only: the module path never loads it. */
  boolean lacksProvides() {
    return entry != null && entry.kind() == ServicesEntry.Kind.SERVICES_WITHOUT_PROVIDES;
  }
}
