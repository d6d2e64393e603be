package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;

/** The registry's array helpers: amortized growth, and no read past the count. */
class HandlerArraysTest {
  private final RecoveryHandler a = Slots.logging(Slots.newLog(), "a");
  private final RecoveryHandler b = Slots.logging(Slots.newLog(), "b");
  private final RecoveryHandler c = Slots.logging(Slots.newLog(), "c");
  private final RecoveryHandler removed = new Tombstone();

  @Test
  void growthIsHalfAsLargeAgainAtLeastEightMoreAndAtLeastWhatIsNeeded() {
    RecoveryHandler[] eight = {a, b, c, null, null, null, null, a};
    RecoveryHandler[] grown = HandlerArrays.grown(eight, 9);
    assertEquals(16, grown.length, "8 + max(4, 8)");
    assertArrayEquals(eight, Arrays.copyOf(grown, 8));
    assertEquals(48, HandlerArrays.grown(new RecoveryHandler[32], 33).length, "32 + 16");
    assertEquals(100, HandlerArrays.grown(new RecoveryHandler[8], 100).length, "what is needed");
  }

  @Test
  void registeringManyHandlersCopiesTheArrayALogarithmicNumberOfTimes() {
    RecoveryHandler[] handlers = new RecoveryHandler[8];
    int copies = 0;
    for (int count = 8; count < 100_000; count = handlers.length) {
      handlers = HandlerArrays.grown(handlers, count + 1);
      copies++;
    }
    assertEquals(23, copies, "8 -> 16 -> 24 -> 36 -> ... 1.5x each time");
  }

  @Test
  void compactMovesTheLiveEntriesToTheFrontInOrderAlsoWhenTheArrayIsFull() {
    RecoveryHandler[] full = {removed, a, removed, b, c};
    HandlerArrays.compact(full, full.length, removed);
    assertArrayEquals(new RecoveryHandler[] {a, b, c}, Arrays.copyOf(full, 3));
  }

  @Test
  void addLiveReadsUpToTheCountAlsoWhenTheArrayIsFull() {
    List<RecoveryHandler> into = new ArrayList<>();
    HandlerArrays.addLive(new RecoveryHandler[] {a, removed, b, c}, 4, removed, into);
    assertEquals(List.of(a, b, c), into);
    into.clear();
    HandlerArrays.addLive(new RecoveryHandler[] {a, b, c}, 2, removed, into);
    assertEquals(List.of(a, b), into);
  }

  @Test
  void indexOfSearchesTheRangeByIdentity() {
    RecoveryHandler[] handlers = {a, b, a, c};
    assertEquals(0, HandlerArrays.indexOf(handlers, 0, 4, a));
    assertEquals(2, HandlerArrays.indexOf(handlers, 1, 4, a));
    assertEquals(-1, HandlerArrays.indexOf(handlers, 0, 3, c));
  }

  @Test
  void aRegistryAtItsInitialCapacityEvictsAndSnapshotsWithoutReadingPastItsCount() {
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, cause) -> {});
    List<RecoveryHandler> kept = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      RecoveryHandler h = i == 3 ? () -> null : Slots.logging(Slots.newLog(), "h" + i, i);
      registry.register(h);
      if (i != 3) {
        kept.add(h);
      }
    }
    assertEquals(8, registry.handlers().size());
    assertArrayEquals(Slots.ints(0, 1, 2, 4, 5, 6, 7), registry.tryRunAll());
    assertEquals(kept, registry.handlers());
  }
}
