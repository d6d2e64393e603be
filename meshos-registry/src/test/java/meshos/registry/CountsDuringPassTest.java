package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;

/** Rule 4: size, isEmpty and register's return value count the pass in progress. */
class CountsDuringPassTest {
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final List<Integer> sizes = new ArrayList<>();

  @Test
  void sizeDuringAPassCountsThePassesHandlers() {
    registry.register(() -> Slots.NONE);
    registry.register(() -> {
      sizes.add(registry.size());
      return Slots.NONE;
    });
    registry.register(() -> Slots.NONE);

    registry.tryRunAll();

    assertEquals(List.of(3), sizes);
  }

  @Test
  void registerDuringAPassReturnsTheTrueTotal() {
    registry.register(() -> Slots.NONE);
    registry.register(() -> {
      sizes.add(registry.register(() -> Slots.NONE));
      return Slots.NONE;
    });

    registry.tryRunAll();

    assertEquals(List.of(3), sizes, "2 of the pass + 1 new, not just the 1 mid-pass registration");
    assertEquals(3, registry.size());
  }

  @Test
  void evictedAndUnregisteredHandlersLeaveTheCountAtOnce() {
    RecoveryHandler victim = () -> Slots.NONE;
    registry.register(() -> {
      throw new IllegalArgumentException("boom");
    });
    registry.register(() -> {
      sizes.add(registry.size()); // the thrower is gone: 3
      registry.unregister(victim);
      sizes.add(registry.size()); // victim is gone: 2
      return Slots.NONE;
    });
    registry.register(victim);
    registry.register(() -> Slots.NONE);

    registry.tryRunAll();

    assertEquals(List.of(3, 2), sizes);
    assertEquals(2, registry.size());
  }

  @Test
  void isEmptyIsFalseDuringAPassOfASelfUnregisteringLastHandlerUntilItIsRemoved() {
    List<Boolean> empty = new ArrayList<>();
    RecoveryHandler[] self = new RecoveryHandler[1];
    self[0] = () -> {
      empty.add(registry.isEmpty());
      registry.unregister(self[0]);
      empty.add(registry.isEmpty());
      return Slots.NONE;
    };
    registry.register(self[0]);

    registry.tryRunAll();

    assertEquals(List.of(false, true), empty);
    assertTrue(registry.isEmpty());
    assertFalse(registry.unregister(self[0]));
  }
}
