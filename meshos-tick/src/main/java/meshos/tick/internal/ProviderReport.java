package meshos.tick.internal;

import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.tick.ProviderInfo;
import meshos.tick.ProviderOutcome;

/**
 * What discovery says about the providers it saw: the causes it makes up for misconfigured ones,
 * and its log lines (one {@code INFO} summary, one {@code WARNING} per module that lists providers
 * in {@code META-INF/services} without providing them). Stateless; the discovering thread.
 */
final class ProviderReport {
  private static final System.Logger LOG = System.getLogger(ProviderDiscovery.class.getName());
  private static final String SERVICE = RecoveryHandlerProvider.class.getName();

  private ProviderReport() {}

  /** The cause for a name a named module lists in its services file but does not provide. */
  static ServiceConfigurationError lacksProvides(ProviderCandidate candidate) {
    return new ServiceConfigurationError("module " + candidate.moduleName() + " lists "
        + candidate.className() + " in " + ServicesFiles.RESOURCE
        + " but its module-info.java does not provide it, and on the module path only `provides`"
        + " counts: add `provides " + SERVICE + " with " + candidate.className() + ";`",
        candidate.error());
  }

  /** The cause for a factory that cannot be told apart from an excluded one. */
  static ServiceConfigurationError indistinct(
      ProviderCandidate candidate, List<String> excludedLookAlikes) {
    return new ServiceConfigurationError("provider "
        + candidate.className() + " is not instantiated: ServiceLoader reports it with the same"
        + " type as the excluded " + excludedLookAlikes + " of another module, so it cannot tell"
        + " which is which without calling them; give each provider() factory its own return"
        + " type (the provider class itself, for instance)");
  }

  /** Logs the summary, and one {@code WARNING} per module listing services it does not provide. */
  static void log(List<ProviderInfo> infos, List<ProviderCandidate> candidates,
      Set<String> excluded) {
    LOG.log(System.Logger.Level.INFO, () -> "recovery handler providers: loaded "
        + names(infos, ProviderOutcome.LOADED) + ", excluded "
        + names(infos, ProviderOutcome.EXCLUDED) + ", failed "
        + names(infos, ProviderOutcome.FAILED) + ", duplicates "
        + names(infos, ProviderOutcome.DUPLICATE));
    Map<String, List<String>> byModule = new TreeMap<>(candidates.stream()
        .filter(c -> c.lacksProvides() && !excluded.contains(c.className()))
        .collect(Collectors.groupingBy(ProviderCandidate::moduleName,
            Collectors.mapping(ProviderCandidate::className, Collectors.toList()))));
    byModule.forEach((module, names) -> LOG.log(System.Logger.Level.WARNING, () -> "module "
        + module + " lists " + names + " in " + ServicesFiles.RESOURCE + " but its module-info.java"
        + " has no `provides` for them, so on the module path they are never loaded. Add `provides "
        + SERVICE + " with " + String.join(", ", names) + ";` to module " + module
        + " (`jar --describe-module --file <jar>` shows what a jar provides)"));
  }

  private static String names(List<ProviderInfo> infos, ProviderOutcome outcome) {
    return infos.stream()
        .filter(i -> i.outcome() == outcome)
        .map(ProviderInfo::className)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
