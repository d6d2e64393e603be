package meshos.registry;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The slots recovered by the pass in progress, in handler order. Owned by the thread running the
 * pass; the registry's lock acquisitions that start and end a pass hand it from one pass to the
 * next. Reused: a pass that recovers nothing allocates nothing here.
 */
final class SlotBuffer {
  private static final int[] NO_SLOTS = new int[0];

  private int[] buffer = new int[16];
  private int size;

  /** Empties the buffer for the next pass. */
  void clear() {
    size = 0;
  }

  /**
   * Copies {@code slots} in, then checks the copy (never the handler's array, which its owner may
   * still write to): keeps it if every index is non-negative, else drops it.
   *
   * @return null if kept, else the reason to evict the handler that returned {@code slots}
   */
  @Nullable InvalidRecoveryResultException appendChecked(int[] slots) {
    int from = size;
    int to = from + slots.length;
    if (to > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(to, 2 * buffer.length));
    }
    int[] b = buffer;
    System.arraycopy(slots, 0, b, from, slots.length);
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return InvalidRecoveryResultException.negativeIndex(b[i], i - from);
      }
    }
    size = to;
    return null;
  }

  /** A new array of the slots kept, or a shared empty array when there are none. */
  int[] toArray() {
    return size == 0 ? NO_SLOTS : Arrays.copyOf(buffer, size);
  }

  /** The shared empty array. */
  static int[] none() {
    return NO_SLOTS;
  }
}
