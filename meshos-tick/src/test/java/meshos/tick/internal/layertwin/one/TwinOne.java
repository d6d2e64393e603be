package meshos.tick.internal.layertwin.one;

import java.util.concurrent.atomic.AtomicInteger;
import meshos.api.spi.RecoveryHandlerProvider;

/**
 * A provider factory declared to return the SPI type, loaded by {@code ProviderLayerTest} into a
 * module of its own beside another such factory (slot 1).
 */
public final class TwinOne {
  /** How many times {@link #provider()} was called (read by the test through reflection). */
  public static final AtomicInteger CALLS = new AtomicInteger();

  private TwinOne() {}

  public static RecoveryHandlerProvider provider() {
    CALLS.incrementAndGet();
    return context -> () -> new int[] {1};
  }
}
