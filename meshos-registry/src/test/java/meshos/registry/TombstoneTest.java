package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;

/** A removed entry is a tombstone the pass calls; it is never counted, reported or listed. */
class TombstoneTest {
  @Test
  void recoversNothingAndCountsItsCallsUntilTaken() {
    Tombstone tombstone = new Tombstone();
    assertSame(SlotBuffer.none(), tombstone.recover());
    tombstone.recover();
    assertEquals(2, tombstone.takeSkips());
    assertEquals(0, tombstone.takeSkips(), "taking starts the count again");
    assertEquals("Tombstone", tombstone.toString(), "how a stray one would show in a log");
  }

  @Test
  void entriesRemovedAheadOfThePassAreSkippedNotCountedAndGoneAfterTheMerge() {
    List<RecoveryHandler> evicted = new java.util.ArrayList<>();
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> evicted.add(h));
    List<String> log = Slots.newLog();
    RecoveryHandler second = Slots.logging(log, "second", 2);
    RecoveryHandler third = Slots.logging(log, "third", 3);
    List<List<RecoveryHandler>> seenDuringPass = new java.util.ArrayList<>();
    registry.register(() -> {
      registry.unregister(second);
      registry.unregister(third);
      seenDuringPass.add(registry.handlers());
      return Slots.ints(1);
    });
    registry.register(second);
    registry.register(third);
    registry.register(Slots.logging(log, "fourth", 4));
    long before = registry.handlerCalls();

    int[] slots = registry.tryRunAll();

    org.junit.jupiter.api.Assertions.assertArrayEquals(Slots.ints(1, 4), slots);
    assertEquals(List.of("fourth"), log);
    assertEquals(2, registry.handlerCalls() - before, "two calls, two skips");
    assertEquals(2, seenDuringPass.get(0).size(), "the tombstones are not listed");
    assertEquals(2, registry.handlers().size());
    assertEquals(List.of(), evicted);
    log.clear();
    registry.tryRunAll();
    assertEquals(List.of("fourth"), log);
    assertEquals(4, registry.handlerCalls() - before, "the next pass has no skips left to count");
  }
}
