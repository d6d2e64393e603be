package meshos.tick.internal.layertwin.two;

import java.util.concurrent.atomic.AtomicInteger;
import meshos.api.spi.RecoveryHandlerProvider;

/**
 * A provider factory declared to return the SPI type, loaded by {@code ProviderLayerTest} into a
 * module of its own beside another such factory (slot 2).
 */
public final class TwinTwo {
  /** How many times {@link #provider()} was called (read by the test through reflection). */
  public static final AtomicInteger CALLS = new AtomicInteger();

  private TwinTwo() {}

  public static RecoveryHandlerProvider provider() {
    CALLS.incrementAndGet();
    return context -> () -> new int[] {2};
  }
}
