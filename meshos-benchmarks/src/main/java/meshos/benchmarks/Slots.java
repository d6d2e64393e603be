package meshos.benchmarks;

import java.util.Arrays;

/** Collects the slots of a pass the way every implementation here must: concatenated, in order. */
final class Slots {
  static final int[] NONE = new int[0];

  private int[] buffer = NONE;
  private int size;

  void add(int[] slots) {
    if (slots.length == 0) {
      return;
    }
    if (size + slots.length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(size + slots.length, 2 * buffer.length + 16));
    }
    System.arraycopy(slots, 0, buffer, size, slots.length);
    size += slots.length;
  }

  int[] result() {
    return size == 0 ? NONE : Arrays.copyOf(buffer, size);
  }
}
