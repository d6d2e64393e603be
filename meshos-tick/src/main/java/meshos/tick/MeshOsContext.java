package meshos.tick;

import meshos.api.spi.RecoveryContext;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeRegistry;

/**
 * The {@link RecoveryContext} a {@link MeshOsRuntime} hands to its providers, with the runtime's
 * view of the mesh. A provider that needs node health (most recovery handlers do) requires module
 * {@code meshos.tick} and checks {@code context instanceof MeshOsContext}; a provider that needs
 * only the SPI stays independent of the runtime.
 *
 * <p>May be kept and used from any thread for the lifetime of the runtime.
 */
public interface MeshOsContext extends RecoveryContext {

  /** {@return the runtime's latest snapshot, as {@link MeshOsRuntime#snapshot()}} */
  PeerSnapshot snapshot();

  /** {@return the runtime's probes, as {@link MeshOsRuntime#probeRegistry()}} */
  ProbeRegistry probeRegistry();
}
