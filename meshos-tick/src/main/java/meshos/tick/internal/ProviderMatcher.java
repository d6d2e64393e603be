package meshos.tick.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.tick.internal.ServicesEntry.Kind;

/**
 * Walks a {@link ServiceLoader}'s providers without instantiating any and ties each result to the
 * name the configuration gives it: a provider by its type ({@link ServicesEntry#isReportedAs}, so a
 * factory by its declared return type, in declaration order), an error by the configured name its
 * message contains. Within one module the loader keeps the declaration order, so those names are
 * right; factories of different modules reported with one type are marked as look-alikes, whose
 * names {@link ProviderLookAlikes} corrects once it has called them. One instance per discovery,
 * on the discovering thread.
 */
final class ProviderMatcher {
  /** ServiceLoader retries after an error; stop if a broken configuration never lets it advance. */
  static final int MAX_LOAD_ERRORS = 1_000;

  private final List<ServicesEntry> entries;
  private final boolean[] taken;
  private final List<ProviderCandidate> candidates = new ArrayList<>();
  private final List<ServiceConfigurationError> unnamedErrors = new ArrayList<>();

  private ProviderMatcher(ServicesConfiguration configuration) {
    this.entries = configuration.entries();
    this.taken = new boolean[entries.size()];
  }

  /**
   * Advances {@code loader} over at most {@link ServicesConfiguration#resultLimit()} results
   * (never calling {@link ServiceLoader.Provider#get()}) and names each.
   *
   * @return one candidate per result, plus one per name a module lists in its services file
   *     without providing it
   */
  static List<ProviderCandidate> match(
      ServicesConfiguration configuration,
      Iterator<ServiceLoader.Provider<RecoveryHandlerProvider>> loader) {
    ProviderMatcher matcher = new ProviderMatcher(configuration);
    int results = 0;
    int errors = 0;
    while (results < configuration.resultLimit() && errors < MAX_LOAD_ERRORS) {
      ServiceLoader.Provider<RecoveryHandlerProvider> provider;
      try {
        if (!loader.hasNext()) {
          break;
        }
        provider = loader.next();
      } catch (ServiceConfigurationError e) {
        results++;
        errors++;
        matcher.onError(e);
        continue;
      }
      results++;
      matcher.onProvider(provider);
    }
    return matcher.finish();
  }

  private void onProvider(ServiceLoader.Provider<RecoveryHandlerProvider> provider) {
    Class<?> type = provider.type();
    for (int i = 0; i < entries.size(); i++) {
      ServicesEntry entry = entries.get(i);
      if (!taken[i] && entry.kind() != Kind.SERVICES_WITHOUT_PROVIDES && entry.isReportedAs(type)) {
        taken[i] = true;
        candidates.add(new ProviderCandidate(entry.className(), entry.moduleName(), entry,
            provider, null, lookAlikes(i, type)));
        return;
      }
    }
    candidates.add(new ProviderCandidate(type.getName(), ServicesEntry.moduleNameOf(type), null,
        provider, null, List.of()));
  }

  private void onError(ServiceConfigurationError error) {
    String message = String.valueOf(error.getMessage());
    int i = entryNamedIn(message);
    if (i >= 0) {
      take(i, error);
    } else if (!namesTakenEntry(message)) {
      unnamedErrors.add(error);
    }
    // Else the same provider again: on the module path ServiceLoader's class-path pass also reads
    // the services files of named modules, and re-reports a missing class their module provides.
  }

  private boolean namesTakenEntry(String message) {
    for (int i = 0; i < entries.size(); i++) {
      if (taken[i] && containsName(message, entries.get(i).className())) {
        return true;
      }
    }
    return false;
  }

  private List<ProviderCandidate> finish() {
    List<Integer> untaken = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!taken[i] && entries.get(i).kind() != Kind.SERVICES_WITHOUT_PROVIDES) {
        untaken.add(i);
      }
    }
    if (unnamedErrors.size() == 1 && untaken.size() == 1) {
      // The one configured name left without a result is the one that failed.
      take(untaken.get(0), unnamedErrors.remove(0));
    }
    for (ServiceConfigurationError error : unnamedErrors) {
      candidates.add(new ProviderCandidate(ProviderCandidate.UNKNOWN,
          ProviderCandidate.UNKNOWN_MODULE, null, null, error, List.of()));
    }
    for (int i = 0; i < entries.size(); i++) {
      ServicesEntry entry = entries.get(i);
      if (!taken[i] && entry.kind() == Kind.SERVICES_WITHOUT_PROVIDES) {
        candidates.add(new ProviderCandidate(entry.className(), entry.moduleName(), entry, null,
            null, List.of()));
      }
    }
    return candidates;
  }

  private void take(int i, ServiceConfigurationError error) {
    taken[i] = true;
    ServicesEntry entry = entries.get(i);
    candidates.add(new ProviderCandidate(entry.className(), entry.moduleName(), entry, null,
        error, List.of()));
  }

  /**
   * The configured names reported with the same type as {@code entry} when they come from more
   * than one module: {@code ServiceLoader}'s order across modules is unspecified, so the name
   * given by declaration order may belong to another of them until {@link ProviderLookAlikes}
   * names them by the module of their instances.
   */
  private List<String> lookAlikes(int index, Class<?> type) {
    ServicesEntry entry = entries.get(index);
    List<String> others = new ArrayList<>();
    boolean otherModule = false;
    for (int i = 0; i < entries.size(); i++) {
      ServicesEntry each = entries.get(i);
      if (i != index && each.kind() == Kind.PROVIDES && each.isReportedAs(type)) {
        others.add(each.className());
        otherModule |= !each.moduleName().equals(entry.moduleName());
      }
    }
    return otherModule ? others : List.of();
  }

  /**
   * The untaken entry whose class name the message contains as a whole name (longest first), else
   * whose services-file location ({@code url:line:}) it contains; -1 if none.
   */
  private int entryNamedIn(String message) {
    int found = -1;
    for (int i = 0; i < entries.size(); i++) {
      String name = entries.get(i).className();
      if (!taken[i] && containsName(message, name)
          && (found < 0 || name.length() > entries.get(found).className().length())) {
        found = i;
      }
    }
    for (int i = 0; found < 0 && i < entries.size(); i++) {
      ServicesEntry entry = entries.get(i);
      if (!taken[i] && entry.kind() == Kind.CLASS_PATH
          && message.contains(entry.location() + ":")) {
        found = i;
      }
    }
    return found;
  }

  /** {@code name} occurs in {@code message} not as part of a longer name (a member may follow). */
  static boolean containsName(String message, String name) {
    for (int at = message.indexOf(name); at >= 0; at = message.indexOf(name, at + 1)) {
      int end = at + name.length();
      boolean startsName = at == 0 || !isNamePart(message.charAt(at - 1));
      boolean endsName = end == message.length() || !Character.isJavaIdentifierPart(
          message.charAt(end));
      if (startsName && endsName) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNamePart(char c) {
    return c == '.' || Character.isJavaIdentifierPart(c);
  }
}
