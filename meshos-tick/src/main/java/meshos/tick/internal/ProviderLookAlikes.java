package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import meshos.api.spi.RecoveryHandlerProvider;
import org.jspecify.annotations.Nullable;

/**
 * Tells apart look-alikes ({@link ProviderCandidate#lookAlikes()}): provider factories of different
 * modules that {@link ServiceLoader} reports with one type, in an order it does not specify, so the
 * name {@link ProviderMatcher} gives each (declaration order) may be another one's. Unless one of a
 * group is excluded (then none is called: {@link ProviderReport#indistinct}), it instantiates the
 * group's providers ({@link ServiceLoader.Provider#get()}) in the order the loader yielded them
 * and names each by the module of the instance's class: the first entry of that module, in
 * declaration order, among the group's entries not yet taken. An instance of the unnamed module or
 * of a module none of the entries belongs to, and a factory that threw, keeps a declaration-order
 * name among those left, with one {@code WARNING} per group unless that name is the only one left
 * by elimination. One instance per discovery, built and read on the discovering thread; it calls
 * providers' factories on that thread.
 */
final class ProviderLookAlikes {
  private static final System.Logger LOG = System.getLogger(ProviderDiscovery.class.getName());

  private final List<ProviderCandidate> candidates;
  private final IdentityHashMap<ProviderCandidate, RecoveryHandlerProvider> instances =
      new IdentityHashMap<>();
  private final IdentityHashMap<ProviderCandidate, Throwable> failures =
      new IdentityHashMap<>();

  private ProviderLookAlikes(List<ProviderCandidate> candidates) {
    this.candidates = new ArrayList<>(candidates);
  }

  /**
   * Instantiates and names the look-alikes among {@code matched}; the other candidates are left
   * as they are.
   *
   * @param matched the matcher's candidates, in the order the loader yielded them
   * @param excluded the excluded class names: a group with one of them is not instantiated
   * @return the candidates, renamed where needed, and the instances made
   * @throws VirtualMachineError (but {@link StackOverflowError}) thrown by a factory: rethrown
   */
  static ProviderLookAlikes resolve(List<ProviderCandidate> matched, Set<String> excluded) {
    ProviderLookAlikes result = new ProviderLookAlikes(matched);
    Map<Class<?>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < matched.size(); i++) {
      ProviderCandidate candidate = matched.get(i);
      ServiceLoader.Provider<RecoveryHandlerProvider> provider = candidate.provider();
      if (provider != null && candidate.entry() != null && !candidate.lookAlikes().isEmpty()) {
        groups.computeIfAbsent(provider.type(), t -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> group : groups.values()) {
      if (group.size() > 1 && !anyExcluded(matched, group, excluded)) {
        result.name(group);
      }
    }
    return result;
  }

  /** The candidates, in the loader's order, look-alikes named by the module of their instance. */
  List<ProviderCandidate> candidates() {
    return List.copyOf(candidates);
  }

  /** The provider already made for {@code candidate}, null if it is to be made when created. */
  @Nullable RecoveryHandlerProvider instance(ProviderCandidate candidate) {
    return instances.get(candidate);
  }

  /** What {@code candidate}'s factory threw when it was made here, null if nothing. */
  @Nullable Throwable failure(ProviderCandidate candidate) {
    return failures.get(candidate);
  }

  private static boolean anyExcluded(
      List<ProviderCandidate> matched, List<Integer> group, Set<String> excluded) {
    for (int i : group) {
      ProviderCandidate candidate = matched.get(i);
      if (excluded.contains(candidate.className())
          || candidate.lookAlikes().stream().anyMatch(excluded::contains)) {
        return true;
      }
    }
    return false;
  }

  /** Instantiates the group (loader order), then gives each of them its entry. */
  private void name(List<Integer> group) {
    int size = group.size();
    List<ProviderCandidate> before = new ArrayList<>(size);
    @Nullable Object[] made = new Object[size];
    for (int k = 0; k < size; k++) {
      ProviderCandidate candidate = candidates.get(group.get(k));
      before.add(candidate);
      made[k] = instantiate(requireNonNull(candidate.provider(), "provider"));
    }
    // The matcher gave the group's entries out in declaration order: before's order is theirs.
    boolean[] taken = new boolean[size];
    int[] entryOf = new int[size];
    for (int k = 0; k < size; k++) {
      String module = made[k] instanceof RecoveryHandlerProvider instance
          ? moduleNameOf(instance) : null;
      entryOf[k] = module == null ? -1 : firstUntaken(before, taken, module);
    }
    List<String> guessed = new ArrayList<>();
    boolean guessedAnInstance = false;
    for (int k = 0; k < size; k++) {
      if (entryOf[k] < 0) {
        entryOf[k] = firstUntaken(before, taken, null);
        guessed.add(before.get(entryOf[k]).className() + " (" + why(made[k]) + ")");
        guessedAnInstance |= made[k] instanceof RecoveryHandlerProvider;
      }
    }
    for (int k = 0; k < size; k++) {
      ProviderCandidate named = before.get(entryOf[k]);
      ProviderCandidate renamed = new ProviderCandidate(named.className(), named.moduleName(),
          named.entry(), before.get(k).provider(), null, named.lookAlikes());
      candidates.set(group.get(k), renamed);
      if (made[k] instanceof RecoveryHandlerProvider instance) {
        instances.put(renamed, instance);
      } else {
        failures.put(renamed, (Throwable) requireNonNull(made[k], "made"));
      }
    }
    if (guessed.size() > 1 || guessedAnInstance) {
      warn(before, guessed);
    }
  }

  /** The provider {@code provider} makes, or what its factory threw (fatal errors rethrown). */
  private static Object instantiate(ServiceLoader.Provider<RecoveryHandlerProvider> provider) {
    try {
      RecoveryHandlerProvider instance = provider.get();
      if (instance == null) {
        return new IllegalStateException("ServiceLoader.Provider.get() returned null");
      }
      return instance;
    } catch (Throwable t) {
      if (Throwables.isFatal(t)) {
        throw t;
      }
      return t;
    }
  }

  /** Takes the first untaken entry of module {@code module} (any module if null); -1 if none. */
  private static int firstUntaken(
      List<ProviderCandidate> entries, boolean[] taken, @Nullable String module) {
    for (int j = 0; j < entries.size(); j++) {
      if (!taken[j] && (module == null || entries.get(j).moduleName().equals(module))) {
        taken[j] = true;
        return j;
      }
    }
    return -1;
  }

  /** The named module of {@code instance}'s class, null for the unnamed module. */
  private static @Nullable String moduleNameOf(Object instance) {
    Module module = instance.getClass().getModule();
    return module.isNamed() ? module.getName() : null;
  }

  private static String why(@Nullable Object made) {
    if (!(made instanceof RecoveryHandlerProvider instance)) {
      return "its factory threw";
    }
    String module = moduleNameOf(instance);
    return module == null ? "it returned a class of the unnamed module"
        : "it returned a class of module " + module + ", which has no entry of them left";
  }

  private static void warn(List<ProviderCandidate> group, List<String> guessed) {
    LOG.log(System.Logger.Level.WARNING, () -> "recovery handler provider factories "
        + group.stream().map(c -> c.className() + " (" + c.moduleName() + ")").toList()
        + " all return " + requireNonNull(group.get(0).provider(), "provider").type().getName()
        + "; told apart by the module of the class each returns, but named in declaration order: "
        + guessed + (guessed.size() > 1 ? ", so these names may be swapped" : "")
        + "; declare the provider class itself as each provider() method's return type");
  }
}
