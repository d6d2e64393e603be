package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.tick.ProviderInfo;
import meshos.tick.ProviderOutcome;

/**
 * Finds {@link RecoveryHandlerProvider}s, filters them by class name before instantiation, creates
 * their handlers in class-name order and registers them; isolates and reports every failure.
 */
public final class ProviderDiscovery {
  /** System property: comma-separated provider class names never to instantiate. */
  public static final String EXCLUDE_PROPERTY = "meshos.providers.exclude";

  private static final System.Logger LOG = System.getLogger(ProviderDiscovery.class.getName());
  private static final Pattern PROVIDER_IN_ERROR = Pattern.compile("Provider ([\\w.$]+)");
  /** ServiceLoader retries after an error; stop if a broken configuration never lets it advance. */
  private static final int MAX_LOAD_ERRORS = 1_000;

  private final Set<String> excluded;

  /** @param excluded provider class names never to instantiate */
  public ProviderDiscovery(Set<String> excluded) {
    this.excluded = Set.copyOf(excluded);
  }

  /** The class names listed in the system property {@value #EXCLUDE_PROPERTY}, if set. */
  public static Set<String> excludedBySystemProperty() {
    String value = System.getProperty(EXCLUDE_PROPERTY, "");
    Set<String> names = new HashSet<>();
    for (String name : value.split(",", -1)) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names;
  }

  /** Discovers with {@link ServiceLoader#load(Class)} from the {@code meshos.tick} module. */
  public List<ProviderInfo> discover(
      RecoveryContext context, BiConsumer<RecoveryHandler, String> register) {
    return discover(
        ServiceLoader.load(RecoveryHandlerProvider.class).stream().iterator(), context, register);
  }

  /**
   * Handles every provider {@code providers} yields.
   *
   * @param providers the providers found, as {@link ServiceLoader#stream()} yields them
   * @param context handed to each provider's {@code create}
   * @param register called with each created handler and its provider's class name
   * @return one entry per provider seen, ordered by class name
   */
  public List<ProviderInfo> discover(
      Iterator<ServiceLoader.Provider<RecoveryHandlerProvider>> providers,
      RecoveryContext context,
      BiConsumer<RecoveryHandler, String> register) {
    requireNonNull(context, "context");
    requireNonNull(register, "register");
    List<ProviderInfo> infos = new ArrayList<>();
    List<ServiceLoader.Provider<RecoveryHandlerProvider>> found = new ArrayList<>();
    int errors = 0;
    while (errors < MAX_LOAD_ERRORS) {
      try {
        if (!providers.hasNext()) {
          break;
        }
        found.add(providers.next());
      } catch (ServiceConfigurationError e) {
        errors++;
        infos.add(new ProviderInfo(
            classNameIn(e), "unknown", ProviderOutcome.FAILED, Optional.of(e)));
      }
    }
    found.sort(Comparator.comparing(p -> p.type().getName()));

    Set<String> handled = new HashSet<>();
    for (ServiceLoader.Provider<RecoveryHandlerProvider> provider : found) {
      Class<?> type = provider.type();
      String name = type.getName();
      String module = type.getModule().isNamed() ? type.getModule().getName() : "unnamed";
      if (!handled.add(name)) {
        infos.add(new ProviderInfo(name, module, ProviderOutcome.DUPLICATE, Optional.empty()));
      } else if (excluded.contains(name)) {
        infos.add(new ProviderInfo(name, module, ProviderOutcome.EXCLUDED, Optional.empty()));
      } else {
        infos.add(load(provider, name, module, context, register));
      }
    }
    infos.sort(Comparator.comparing(ProviderInfo::className));
    logSummary(infos);
    return List.copyOf(infos);
  }

  private static ProviderInfo load(
      ServiceLoader.Provider<RecoveryHandlerProvider> provider,
      String name,
      String module,
      RecoveryContext context,
      BiConsumer<RecoveryHandler, String> register) {
    try {
      RecoveryHandler handler = provider.get().create(context);
      if (handler == null) {
        throw new IllegalStateException(name + ".create returned null");
      }
      register.accept(handler, name);
      return new ProviderInfo(name, module, ProviderOutcome.LOADED, Optional.empty());
    } catch (Throwable t) {
      if (Throwables.isFatal(t)) {
        throw t;
      }
      LOG.log(System.Logger.Level.WARNING,
          () -> "recovery handler provider " + name + " (" + module + ") failed; skipped", t);
      return new ProviderInfo(name, module, ProviderOutcome.FAILED, Optional.of(t));
    }
  }

  private static void logSummary(List<ProviderInfo> infos) {
    LOG.log(System.Logger.Level.INFO, () -> "recovery handler providers: loaded "
        + names(infos, ProviderOutcome.LOADED) + ", excluded " + names(infos, ProviderOutcome.EXCLUDED)
        + ", failed " + names(infos, ProviderOutcome.FAILED)
        + ", duplicates " + names(infos, ProviderOutcome.DUPLICATE));
    for (ProviderInfo info : infos) {
      if (info.outcome() == ProviderOutcome.FAILED && info.moduleName().equals("unknown")) {
        LOG.log(System.Logger.Level.WARNING,
            () -> "recovery handler provider " + info.className() + " could not be loaded; skipped",
            info.cause().orElse(null));
      }
    }
  }

  private static String names(List<ProviderInfo> infos, ProviderOutcome outcome) {
    return infos.stream()
        .filter(i -> i.outcome() == outcome)
        .map(ProviderInfo::className)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String classNameIn(ServiceConfigurationError e) {
    Matcher m = PROVIDER_IN_ERROR.matcher(String.valueOf(e.getMessage()));
    return m.find() ? m.group(1) : "<unknown>";
  }
}
