package meshos.registry;

import java.util.Arrays;
import java.util.List;
import meshos.api.RecoveryHandler;
import org.jspecify.annotations.Nullable;

/** Array helpers of {@link LockingRecoveryRegistry}; stateless, called with or without its lock. */
final class HandlerArrays {
  private static final int MIN_GROWTH = 8;

  private HandlerArrays() {}

  /** The first index in {@code [from, to)} that holds {@code handler} (by identity), or -1. */
  static int indexOf(@Nullable RecoveryHandler[] handlers, int from, int to,
      RecoveryHandler handler) {
    for (int i = from; i < to; i++) {
      if (handlers[i] == handler) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A copy of {@code handlers} with room for at least {@code needed} entries, half as large again.
   *
   * @throws OutOfMemoryError if {@code needed} is negative (the count overflowed)
   */
  static @Nullable RecoveryHandler[] grown(@Nullable RecoveryHandler[] handlers, int needed) {
    int current = handlers.length;
    int grown = current + Math.max(current >> 1, MIN_GROWTH);
    if (grown < needed || grown < 0) {
      grown = needed;
    }
    if (grown < 0) {
      throw new OutOfMemoryError("too many recovery handlers");
    }
    return Arrays.copyOf(handlers, grown);
  }

  /** Appends the non-null entries of {@code handlers[0, count)} to {@code into}. */
  static void addLive(@Nullable RecoveryHandler[] handlers, int count,
      List<RecoveryHandler> into) {
    for (int i = 0; i < count; i++) {
      RecoveryHandler handler = handlers[i];
      if (handler != null) {
        into.add(handler);
      }
    }
  }

  /** Moves the non-null entries of {@code handlers[0, count)} to its front, in order. */
  static void compact(@Nullable RecoveryHandler[] handlers, int count) {
    int w = 0;
    for (int r = 0; r < count; r++) {
      RecoveryHandler h = handlers[r];
      if (h != null) {
        handlers[w++] = h;
      }
    }
  }
}
