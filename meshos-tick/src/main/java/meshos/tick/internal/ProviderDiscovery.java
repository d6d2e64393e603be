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
import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.tick.ProviderInfo;
import meshos.tick.ProviderOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Finds {@link RecoveryHandlerProvider}s, names each by the class its configuration names ({@code
 * provides … with} / {@code META-INF/services}), filters them by that name before anything is
 * instantiated, creates their handlers in class-name order and registers them; isolates and
 * reports every failure. Provider factories of different modules with one declared return type
 * ({@link ProviderCandidate#lookAlikes()}) cannot be told apart before they are called: if one of
 * them is excluded none is called; else they are instantiated first, in the loader's order, and
 * named by the module of the class each returns ({@link ProviderLookAlikes}). Immutable; each
 * {@code discover} runs on its caller's thread (the one calling {@code start()}, or loading a
 * plugin) and calls providers' code on it.
 */
public final class ProviderDiscovery {
  /** System property: comma-separated provider class names never to instantiate. */
  public static final String EXCLUDE_PROPERTY = "meshos.providers.exclude";

  private static final System.Logger LOG = System.getLogger(ProviderDiscovery.class.getName());

  private final Set<String> excluded;

  /**
   * @param excluded provider class names never to instantiate; each is trimmed, blank ones are
   *     ignored (as in the system property)
   * @throws NullPointerException if {@code excluded} or one of its names is null
   */
  public ProviderDiscovery(Set<String> excluded) {
    requireNonNull(excluded, "excluded");
    Set<String> names = new HashSet<>();
    for (String name : excluded) {
      requireNonNull(name, "excluded contains null");
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    this.excluded = Set.copyOf(names);
  }

  /**
   * The class names listed in the system property {@value #EXCLUDE_PROPERTY}, if set.
   *
   * @return the trimmed, non-blank names
   */
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

  /**
   * Discovers with {@code ServiceLoader.load(RecoveryHandlerProvider.class)} from {@code
   * meshos.tick}: the named modules of its layer and their ancestors, then the class path of the
   * thread's context class loader.
   *
   * @param context handed to each provider's {@code create}
   * @param register called with each created handler and its provider's class name
   * @return one entry per provider seen, ordered by class name
   * @throws VirtualMachineError (but {@link StackOverflowError}) thrown by a provider: rethrown
   */
  public List<ProviderInfo> discover(
      RecoveryContext context, BiConsumer<RecoveryHandler, String> register) {
    @Nullable ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = contextLoader != null ? contextLoader : ClassLoader.getSystemClassLoader();
    @Nullable ModuleLayer own = ProviderDiscovery.class.getModule().getLayer();
    ServicesConfiguration configuration = ServicesConfiguration.ofLayersAndClassPath(
        own != null ? own : ModuleLayer.boot(), loader);
    return discover(configuration,
        ServiceLoader.load(RecoveryHandlerProvider.class, loader).stream().iterator(),
        context, register);
  }

  /**
   * Discovers the providers of {@code layer}'s own modules (a plugin's layer), with {@code
   * ServiceLoader.load(layer, RecoveryHandlerProvider.class)}; the parent layers' providers are not
   * touched.
   *
   * @param layer the layer whose modules' {@code provides} (and services files) are read
   * @param context handed to each provider's {@code create}
   * @param register called with each created handler and its provider's class name
   * @return one entry per provider seen, ordered by class name
   * @throws VirtualMachineError (but {@link StackOverflowError}) thrown by a provider: rethrown
   */
  public List<ProviderInfo> discover(
      ModuleLayer layer, RecoveryContext context, BiConsumer<RecoveryHandler, String> register) {
    return discover(ServicesConfiguration.ofLayer(layer),
        ServiceLoader.load(layer, RecoveryHandlerProvider.class).stream().iterator(),
        context, register);
  }

  /**
   * Handles the providers {@code providers} yields with no configuration to name them: each is
   * named by its {@link ServiceLoader.Provider#type()} (for a factory, its return type), an error by
   * {@code "<unknown>"}. Kept for callers that built their own iterator; prefer {@link
   * #discover(ModuleLayer, RecoveryContext, BiConsumer)}, which names every provider by its class.
   *
   * @param providers the providers found, as {@link ServiceLoader#stream()} yields them
   * @param context handed to each provider's {@code create}
   * @param register called with each created handler and its provider's class name
   * @return one entry per provider seen, ordered by class name
   * @throws VirtualMachineError (but {@link StackOverflowError}) thrown by a provider: rethrown
   */
  public List<ProviderInfo> discover(
      Iterator<ServiceLoader.Provider<RecoveryHandlerProvider>> providers,
      RecoveryContext context,
      BiConsumer<RecoveryHandler, String> register) {
    return discover(ServicesConfiguration.of(List.of(), Integer.MAX_VALUE), providers, context,
        register);
  }

  /**
   * Handles the providers {@code providers} yields, named by {@code configuration}.
   *
   * @param configuration the names configured for what {@code providers} yields
   * @param providers the providers found, as {@link ServiceLoader#stream()} yields them
   * @param context handed to each provider's {@code create}
   * @param register called with each created handler and its provider's class name
   * @return one entry per provider seen, ordered by class name
   * @throws VirtualMachineError (but {@link StackOverflowError}) thrown by a provider: rethrown
   */
  public List<ProviderInfo> discover(
      ServicesConfiguration configuration,
      Iterator<ServiceLoader.Provider<RecoveryHandlerProvider>> providers,
      RecoveryContext context,
      BiConsumer<RecoveryHandler, String> register) {
    requireNonNull(configuration, "configuration");
    requireNonNull(providers, "providers");
    requireNonNull(context, "context");
    requireNonNull(register, "register");
    ProviderLookAlikes lookAlikes =
        ProviderLookAlikes.resolve(ProviderMatcher.match(configuration, providers), excluded);
    List<ProviderCandidate> candidates = new ArrayList<>(lookAlikes.candidates());
    candidates.sort(Comparator.comparing(ProviderCandidate::className));
    List<ProviderInfo> infos = new ArrayList<>();
    Set<String> handled = new HashSet<>();
    for (ProviderCandidate candidate : candidates) {
      infos.add(handle(candidate, handled, lookAlikes, context, register));
    }
    ProviderReport.log(infos, candidates, excluded);
    return List.copyOf(infos);
  }

  private ProviderInfo handle(
      ProviderCandidate candidate,
      Set<String> handled,
      ProviderLookAlikes lookAlikes,
      RecoveryContext context,
      BiConsumer<RecoveryHandler, String> register) {
    String name = candidate.className();
    if (excluded.contains(name)) {
      return info(candidate, ProviderOutcome.EXCLUDED, null);
    }
    if (!name.equals(ProviderCandidate.UNKNOWN) && !handled.add(name)) {
      return info(candidate, ProviderOutcome.DUPLICATE, null);
    }
    if (candidate.lacksProvides()) {
      // Logged once per module by ProviderReport.log.
      return info(candidate, ProviderOutcome.FAILED, ProviderReport.lacksProvides(candidate));
    }
    ServiceConfigurationError error = candidate.error();
    if (error != null) {
      return failed(candidate, error);
    }
    List<String> excludedLookAlikes =
        candidate.lookAlikes().stream().filter(excluded::contains).toList();
    if (!excludedLookAlikes.isEmpty()) {
      return failed(candidate, ProviderReport.indistinct(candidate, excludedLookAlikes));
    }
    Throwable madeEarlier = lookAlikes.failure(candidate);
    if (madeEarlier != null) {
      return failed(candidate, madeEarlier);
    }
    ServiceLoader.Provider<RecoveryHandlerProvider> provider =
        requireNonNull(candidate.provider(), "a candidate has a provider or an error");
    try {
      @Nullable RecoveryHandlerProvider made = lookAlikes.instance(candidate);
      RecoveryHandler handler = (made != null ? made : provider.get()).create(context);
      if (handler == null) {
        throw new IllegalStateException(name + ".create returned null");
      }
      register.accept(handler, name);
      return info(candidate, ProviderOutcome.LOADED, null);
    } catch (Throwable t) {
      if (Throwables.isFatal(t)) {
        throw t;
      }
      return failed(candidate, t);
    }
  }

  /** Reports {@code candidate} failed, with one {@code WARNING}. */
  private static ProviderInfo failed(ProviderCandidate candidate, Throwable cause) {
    LOG.log(System.Logger.Level.WARNING, () -> "recovery handler provider "
        + candidate.className() + " (" + candidate.moduleName() + ") failed; skipped", cause);
    return info(candidate, ProviderOutcome.FAILED, cause);
  }

  private static ProviderInfo info(
      ProviderCandidate candidate, ProviderOutcome outcome, @Nullable Throwable cause) {
    return new ProviderInfo(
        candidate.className(), candidate.moduleName(), outcome, Optional.ofNullable(cause));
  }
}
