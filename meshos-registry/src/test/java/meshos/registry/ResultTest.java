package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rule 9: the result is a new caller-owned array, concatenated in handler order. */
class ResultTest {
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});

  @Test
  void slotsAreConcatenatedInHandlerOrderWithoutDeduplication() {
    registry.register(() -> Slots.ints(3, 1));
    registry.register(() -> Slots.NONE);
    registry.register(() -> Slots.ints(1, 0, 3));

    assertArrayEquals(Slots.ints(3, 1, 1, 0, 3), registry.tryRunAll());
  }

  @Test
  void theResultIsANewArrayThatTheCallerOwns() {
    int[] returned = Slots.ints(1, 2);
    registry.register(() -> returned);

    int[] first = registry.tryRunAll();
    first[0] = 99;
    int[] second = registry.tryRunAll();

    assertNotSame(returned, first);
    assertNotSame(first, second);
    assertArrayEquals(Slots.ints(1, 2), second);
    assertArrayEquals(Slots.ints(1, 2), returned, "the handler's array is not written");
  }

  @Test
  void nothingRecoveredReturnsTheSharedEmptyArray() {
    registry.register(() -> Slots.NONE);
    registry.register(() -> new int[0]);

    int[] first = registry.tryRunAll();
    assertEquals(0, first.length);
    assertSame(first, registry.tryRunAll());
    assertSame(first, new LockingRecoveryRegistry().tryRunAll());
  }

  @Test
  void largeResultsGrowTheBufferAndStayInOrder() {
    int[] big = java.util.stream.IntStream.range(0, 1000).toArray();
    for (int i = 0; i < 5; i++) {
      registry.register(() -> big);
    }
    int[] result = registry.tryRunAll();
    assertEquals(5000, result.length);
    for (int i = 0; i < 5000; i++) {
      assertEquals(i % 1000, result[i]);
    }
  }

  @Test
  void aPassWithNothingRecoveredAllocatesNothingInTheSteadyState() {
    for (int i = 0; i < 256; i++) {
      registry.register(() -> Slots.NONE);
    }
    for (int i = 0; i < 20_000; i++) {
      registry.tryRunAll(); // let the JIT compile the pass
    }
    long before = AllocationMeter.allocatedBytes();
    for (int i = 0; i < 1_000; i++) {
      registry.tryRunAll();
    }
    long allocated = AllocationMeter.allocatedBytes() - before;
    // The meter itself boxes one long per reading (~16-24 bytes); 1000 passes of a per-pass
    // allocation would show as kilobytes.
    assertTrue(allocated < 200, "allocated " + allocated + " bytes over 1000 passes");
  }
}
