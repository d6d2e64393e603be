package meshos.api.spi;

import meshos.api.RecoveryHandler;

/**
 * A factory for a recovery handler, shipped in a provider jar and found with {@link
 * java.util.ServiceLoader} when a runtime starts.
 *
 * <p>Implementations need a public no-argument constructor (or, on the module path, a public static
 * {@code provider()} method). Declare the implementation both in {@code module-info.java} ({@code
 * provides meshos.api.spi.RecoveryHandlerProvider with ...}) and in {@code
 * META-INF/services/meshos.api.spi.RecoveryHandlerProvider}.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Thread.</b> The runtime instantiates providers and calls {@link #create} on the thread
 *       that calls its {@code start()}, once per provider and runtime, before the first tick.
 *   <li><b>Re-entry.</b> {@code create} may register further handlers on {@link
 *       RecoveryContext#registry()} and offer work to {@link RecoveryContext#actions()}, now or
 *       later; it must not block waiting for a tick.
 *   <li><b>Throwing.</b> A provider whose class fails to load, whose constructor throws, or whose
 *       {@code create} throws or returns {@code null} is skipped and reported as failed (with its
 *       cause) by the runtime; the other providers still load.
 * </ul>
 */
public interface RecoveryHandlerProvider {

  /**
   * Creates the handler the runtime registers for this provider.
   *
   * @param context the runtime's registry, action queue and name
   * @return the handler to register; never {@code null}
   */
  RecoveryHandler create(RecoveryContext context);
}
