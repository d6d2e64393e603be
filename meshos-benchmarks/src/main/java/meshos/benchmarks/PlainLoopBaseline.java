package meshos.benchmarks;

import java.util.Arrays;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;

/**
 * Baseline 1, the physical limit: a plain {@code for} loop over an array of handlers. No lock, no
 * try/catch, no eviction, not thread-safe. Only {@link #register} and {@link #tryRunAll} are
 * meaningful.
 */
final class PlainLoopBaseline implements RecoveryRegistry {
  private RecoveryHandler[] handlers = new RecoveryHandler[0];

  @Override
  public int register(RecoveryHandler handler) {
    handlers = Arrays.copyOf(handlers, handlers.length + 1);
    handlers[handlers.length - 1] = handler;
    return handlers.length;
  }

  @Override
  public boolean unregister(RecoveryHandler handler) {
    throw new UnsupportedOperationException("baseline");
  }

  @Override
  public int size() {
    return handlers.length;
  }

  @Override
  public boolean isEmpty() {
    return handlers.length == 0;
  }

  @Override
  public int[] tryRunAll() {
    Slots slots = null;
    for (RecoveryHandler handler : handlers) {
      slots = Slots.add(slots, handler.recover());
    }
    return Slots.result(slots);
  }
}
