/**
 * The service-provider interface: {@link meshos.api.spi.RecoveryHandlerProvider} is looked up with
 * {@link java.util.ServiceLoader} when a runtime starts.
 *
 * <p>A provider jar declares its implementation twice, so that it is found on the module path and
 * on the class path: {@code provides meshos.api.spi.RecoveryHandlerProvider with ...} in its
 * {@code module-info.java}, and the class name in {@code
 * META-INF/services/meshos.api.spi.RecoveryHandlerProvider}.
 */
@NullMarked
package meshos.api.spi;

import org.jspecify.annotations.NullMarked;
