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

  /** Appends the entries of {@code handlers[0, count)} other than {@code removed} to {@code into}. */
  static void addLive(@Nullable RecoveryHandler[] handlers, int count, RecoveryHandler removed,
      List<RecoveryHandler> into) {
    for (int i = 0; i < count; i++) {
      RecoveryHandler handler = handlers[i];
      if (handler != removed) {
        into.add(handler);
      }
    }
  }

  /**
   * The merge at a pass's end: the entries of {@code batch[0, batchCount)} other than {@code
   * removed}, in order ({@code live} of them), then {@code added[0, addedCount)}, in {@code batch} (or a grown copy of
   * it), which is returned; {@code added}'s entries are nulled (it becomes the spare buffer), and
   * so are the returned array's stale entries past the merged ones, so that neither keeps a handler
   * that left the registry reachable. Constant-time when nothing was removed or added.
   */
  static @Nullable RecoveryHandler[] merged(@Nullable RecoveryHandler[] batch, int batchCount,
      int live, RecoveryHandler removed, @Nullable RecoveryHandler[] added, int addedCount) {
    @Nullable RecoveryHandler[] merged = batch;
    if (live != batchCount) {
      compact(merged, batchCount, removed);
    }
    int total = live + addedCount;
    if (addedCount != 0) {
      if (merged.length < total) {
        merged = grown(merged, total);
      }
      System.arraycopy(added, 0, merged, live, addedCount);
      Arrays.fill(added, 0, addedCount, null);
    }
    if (total < batchCount) {
      Arrays.fill(merged, total, batchCount, null);
    }
    return merged;
  }

  /**
   * Moves the entries of {@code handlers[0, count)} other than {@code removed} to its front, in
   * order.
   */
  static void compact(@Nullable RecoveryHandler[] handlers, int count, RecoveryHandler removed) {
    int w = 0;
    for (int r = 0; r < count; r++) {
      RecoveryHandler h = handlers[r];
      if (h != removed) {
        handlers[w++] = h;
      }
    }
  }
}
