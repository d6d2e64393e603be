package meshos.registry;

import static meshos.registry.Slots.ints;
import static meshos.registry.Slots.logging;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;

/** Rule 1: registration order; survivors then mid-pass registrations; duplicates run twice. */
class OrderTest {
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final List<String> log = Slots.newLog();

  @Test
  void passRunsHandlersInRegistrationOrderOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    for (String name : List.of("a", "b", "c", "d")) {
      registry.register(() -> {
        assertEquals(caller, Thread.currentThread());
        log.add(name);
        return Slots.NONE;
      });
    }

    registry.tryRunAll();

    assertEquals(List.of("a", "b", "c", "d"), log);
  }

  @Test
  void afterAPassSurvivorsKeepTheirOrderFollowedByHandlersRegisteredDuringIt() {
    RecoveryHandler late1 = logging(log, "late1");
    RecoveryHandler late2 = logging(log, "late2");
    registry.register(logging(log, "a"));
    registry.register(() -> {
      log.add("b-registers");
      registry.register(late1);
      registry.register(late2);
      return Slots.NONE;
    });
    registry.register(() -> {
      throw new IllegalStateException("evicted");
    });
    registry.register(logging(log, "d"));

    registry.tryRunAll();
    log.clear();
    registry.tryRunAll();

    assertEquals(List.of("a", "b-registers", "d", "late1", "late2"), log);
  }

  @Test
  void theSameInstanceRegisteredTwiceRunsTwicePerPass() {
    RecoveryHandler twice = logging(log, "x", 7);
    registry.register(twice);
    registry.register(logging(log, "y", 8));
    registry.register(twice);

    int[] slots = registry.tryRunAll();

    assertEquals(List.of("x", "y", "x"), log);
    assertArrayEquals(ints(7, 8, 7), slots);
    assertEquals(3, registry.size());
  }

  @Test
  void orderIsStableOverManyPasses() {
    for (int i = 0; i < 20; i++) {
      registry.register(logging(log, "h" + i, i));
    }
    int[] first = registry.tryRunAll();
    for (int pass = 0; pass < 5; pass++) {
      assertArrayEquals(first, registry.tryRunAll());
    }
    assertArrayEquals(java.util.stream.IntStream.range(0, 20).toArray(), first);
  }
}
