package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;

/** handlerCalls() counts the calls passes really made, for the runtime's handlerRuns. */
class HandlerCallsTest {
  private static final int[] NONE = new int[0];
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});

  @Test
  void callsAreCountedAndAHandlerUnregisteredBeforeItsTurnIsNot() {
    RecoveryHandler later = () -> NONE;
    registry.register(() -> {
      registry.unregister(later);
      return NONE;
    });
    registry.register(later);
    registry.register(() -> {
      throw new IllegalStateException("evicted, but called");
    });
    registry.register(() -> NONE);

    registry.tryRunAll();

    assertEquals(3, registry.handlerCalls());
    registry.tryRunAll();
    assertEquals(5, registry.handlerCalls(), "then the first and the last only");
  }

  @Test
  void aPassEndedByAFatalErrorCountsTheCallsUpToTheThrower() {
    registry.register(() -> NONE);
    registry.register(() -> {
      throw new OutOfMemoryError("simulated");
    });
    registry.register(() -> NONE);

    assertThrows(OutOfMemoryError.class, registry::tryRunAll);

    assertEquals(2, registry.handlerCalls());
  }

  @Test
  void aNestedPassCallsNothing() {
    registry.register(() -> {
      registry.tryRunAll();
      return NONE;
    });
    registry.tryRunAll();
    assertEquals(1, registry.handlerCalls());
  }

  @Test
  void aFatalErrorAfterASkippedHandlerCountsOnlyTheCallsMade() {
    RecoveryHandler skipped = () -> NONE;
    registry.register(() -> {
      registry.unregister(skipped);
      return NONE;
    });
    registry.register(skipped);
    registry.register(() -> NONE);
    registry.register(() -> {
      throw new OutOfMemoryError("simulated");
    });
    registry.register(() -> NONE);

    assertThrows(OutOfMemoryError.class, registry::tryRunAll);

    assertEquals(3, registry.handlerCalls(), "the first, the third and the thrower");
  }

  @Test
  void callsAddUpOverPassesAndAnEmptyPassAddsNothing() {
    registry.tryRunAll();
    assertEquals(0, registry.handlerCalls());
    registry.register(() -> NONE);
    registry.register(() -> NONE);
    registry.tryRunAll();
    registry.tryRunAll();
    assertEquals(4, registry.handlerCalls());
  }
}
