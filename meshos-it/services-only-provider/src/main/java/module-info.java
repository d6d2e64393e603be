/**
 * The most common mistake: META-INF/services lists the provider, but there is no {@code provides}
 * here, so on the module path ServiceLoader never loads it.
 */
module meshos.it.servicesonly {
  requires meshos.api;
}
