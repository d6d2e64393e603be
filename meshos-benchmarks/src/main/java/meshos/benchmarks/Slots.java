package meshos.benchmarks;

import java.util.Arrays;

/**
 * Collects the slots of a pass the way every implementation here must: concatenated, in order. A
 * baseline starts from {@code null} and only allocates a collector once something is recovered,
 * so that a pass recovering nothing allocates nothing, as in meshos.
 */
final class Slots {
  static final int[] NONE = new int[0];

  private int[] buffer = NONE;
  private int size;

  /** Adds {@code recovered} to {@code slots}, creating the collector on the first slot. */
  static Slots add(Slots slots, int[] recovered) {
    if (recovered.length == 0) {
      return slots;
    }
    Slots collector = slots == null ? new Slots() : slots;
    collector.add(recovered);
    return collector;
  }

  /** The slots collected, or the shared empty array when {@code slots} is null. */
  static int[] result(Slots slots) {
    return slots == null ? NONE : slots.result();
  }

  private void add(int[] slots) {
    if (slots.length == 0) {
      return;
    }
    if (size + slots.length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(size + slots.length, 2 * buffer.length + 16));
    }
    System.arraycopy(slots, 0, buffer, size, slots.length);
    size += slots.length;
  }

  private int[] result() {
    return size == 0 ? NONE : Arrays.copyOf(buffer, size);
  }
}
