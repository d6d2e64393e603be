package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One provider as the configuration names it, before {@link java.util.ServiceLoader} touches it: a
 * class named in a module's {@code provides … with} or in a {@code META-INF/services} file.
 * Immutable; any thread.
 *
 * @param className the class named in {@code provides … with} or in the services file
 * @param moduleName the module whose descriptor or services file names it, or {@code "unnamed"}
 *     for a services file on the class path
 * @param kind where the name comes from
 * @param factoryType for a provider factory of an explicit module ({@code public static
 *     provider()}), the factory method's declared return type, which is what {@link
 *     java.util.ServiceLoader.Provider#type()} then reports; null when the provider is its class
 * @param location where it is declared, for messages: {@code "module m"} or the services file's
 *     URL and line number
 */
public record ServicesEntry(
    String className, String moduleName, Kind kind, @Nullable Class<?> factoryType,
    String location) {

  /** The module name used for the class path. */
  public static final String UNNAMED = "unnamed";

  /** Where a provider name comes from. */
  public enum Kind {
    /** A named module's {@code provides}: {@code ServiceLoader} yields it on the module path. */
    PROVIDES,
    /** A services file on the class path: {@code ServiceLoader} yields it from the class path. */
    CLASS_PATH,
    /**
     * A named module's {@code META-INF/services} file lists it but the module's descriptor does
     * not provide it: on the module path {@code ServiceLoader} never loads it (the common mistake).
     */
    SERVICES_WITHOUT_PROVIDES
  }

  /** @throws NullPointerException if an argument but {@code factoryType} is null */
  public ServicesEntry {
    requireNonNull(className, "className");
    requireNonNull(moduleName, "moduleName");
    requireNonNull(kind, "kind");
    requireNonNull(location, "location");
  }

  /**
   * Whether {@code ServiceLoader} reports this entry with {@code type}: a factory by its declared
   * return type, any other provider by its own class (same name, same module).
   */
  boolean isReportedAs(Class<?> type) {
    if (factoryType != null) {
      return factoryType == type;
    }
    return className.equals(type.getName()) && moduleName.equals(moduleNameOf(type));
  }

  /** The name of {@code type}'s module, {@value #UNNAMED} for the class path. */
  static String moduleNameOf(Class<?> type) {
    Module module = type.getModule();
    return module.isNamed() ? module.getName() : UNNAMED;
  }
}
