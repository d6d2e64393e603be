package meshos.benchmarks;

import java.util.Arrays;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;

/**
 * Baseline 1, the physical limit: a plain {@code for} loop over an array of handlers. No lock, no
 * try/catch, no eviction, not thread-safe. Only {@link #register} and {@link #tryRunAll} are
 * meaningful. Registering appends to a growing buffer; the first pass after it trims the array
 * the loop walks, so that the loop is a for-each over an exact array.
 */
final class PlainLoopBaseline implements RecoveryRegistry {
  private RecoveryHandler[] handlers = new RecoveryHandler[0];
  private RecoveryHandler[] buffer = new RecoveryHandler[16];
  private int count;
  private boolean trimmed = true;

  @Override
  public int register(RecoveryHandler handler) {
    if (count == buffer.length) {
      buffer = Arrays.copyOf(buffer, 2 * count);
    }
    buffer[count++] = handler;
    trimmed = false;
    return count;
  }

  @Override
  public boolean unregister(RecoveryHandler handler) {
    throw new UnsupportedOperationException("baseline");
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public boolean isEmpty() {
    return count == 0;
  }

  @Override
  public int[] tryRunAll() {
    if (!trimmed) {
      handlers = Arrays.copyOf(buffer, count);
      trimmed = true;
    }
    Slots slots = null;
    for (RecoveryHandler handler : handlers) {
      slots = Slots.add(slots, handler.recover());
    }
    return Slots.result(slots);
  }
}
