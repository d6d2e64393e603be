package meshos.registry;

import static meshos.registry.Slots.logging;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule 6: a failing handler is evicted in that pass, and the pass goes on. */
class FailureIsolationTest {
  private final List<String> log = Slots.newLog();
  private final List<Throwable> causes = new ArrayList<>();
  private final List<RecoveryHandler> evicted = new ArrayList<>();
  private final LockingRecoveryRegistry registry =
      new LockingRecoveryRegistry((handler, cause) -> {
        evicted.add(handler);
        causes.add(cause);
      });

  static List<Supplier<Throwable>> survivableFailures() {
    return List.of(
        () -> new IllegalStateException("runtime"),
        () -> new IOException("checked, thrown sneakily"),
        () -> new AssertionError("assertion"),
        () -> new StackOverflowError("simulated"),
        () -> new LinkageError("linkage"));
  }

  @ParameterizedTest
  @MethodSource("survivableFailures")
  void aThrowingHandlerIsEvictedAndThePassGoesOn(Supplier<Throwable> failure) {
    Throwable thrown = failure.get();
    RecoveryHandler thrower = () -> {
      log.add("thrower");
      throw Sneaky.sneaky(thrown);
    };
    registry.register(logging(log, "before", 1));
    registry.register(thrower);
    registry.register(logging(log, "after", 2));

    int[] slots = registry.tryRunAll();

    assertArrayEquals(Slots.ints(1, 2), slots);
    assertEquals(List.of("before", "thrower", "after"), log);
    assertEquals(List.of(thrower), evicted);
    assertSame(thrown, causes.get(0));
    assertEquals(2, registry.size());
    log.clear();
    registry.tryRunAll();
    assertEquals(List.of("before", "after"), log, "the thrower never runs again");
  }

  @Test
  void aRealStackOverflowEvictsAndThePassGoesOn() {
    registry.register(new RecoveryHandler() {
      @Override
      public int[] recover() {
        return recurse(0);
      }

      private int[] recurse(int depth) {
        return depth < 0 ? Slots.NONE : recurse(depth + 1);
      }
    });
    registry.register(logging(log, "after", 3));

    assertArrayEquals(Slots.ints(3), registry.tryRunAll());
    assertInstanceOf(StackOverflowError.class, causes.get(0));
    assertEquals(1, registry.size());
  }

  @Test
  void nullResultEvictsWithACauseSayingSo() {
    RecoveryHandler nullReturner = () -> null;
    registry.register(nullReturner);
    registry.register(logging(log, "after", 1));

    assertArrayEquals(Slots.ints(1), registry.tryRunAll());
    assertEquals(List.of(nullReturner), evicted);
    InvalidRecoveryResultException cause =
        assertInstanceOf(InvalidRecoveryResultException.class, causes.get(0));
    assertTrue(cause.getMessage().contains("null"), cause.getMessage());
    assertEquals(1, registry.size());
  }

  @Test
  void negativeIndexEvictsAndNoneOfItsSlotsAreReported() {
    RecoveryHandler negative = () -> Slots.ints(4, -2, 5);
    registry.register(logging(log, "before", 1));
    registry.register(negative);
    registry.register(logging(log, "after", 2));

    assertArrayEquals(Slots.ints(1, 2), registry.tryRunAll());
    assertEquals(List.of(negative), evicted);
    InvalidRecoveryResultException cause =
        assertInstanceOf(InvalidRecoveryResultException.class, causes.get(0));
    assertTrue(cause.getMessage().contains("negative slot index -2 at position 1"),
        cause.getMessage());
  }

  @Test
  void outOfMemoryErrorIsRethrownAfterTheRegistryIsLeftConsistent() {
    OutOfMemoryError oom = new OutOfMemoryError("simulated");
    RecoveryHandler late = () -> Slots.NONE;
    RecoveryHandler fatal = () -> {
      log.add("fatal");
      registry.register(late);
      throw oom;
    };
    registry.register(logging(log, "ran-before", 1));
    registry.register(fatal);
    registry.register(logging(log, "not-yet-run", 2));

    OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, registry::tryRunAll);

    assertSame(oom, thrown);
    assertEquals(List.of(fatal), evicted, "reported before the rethrow");
    assertEquals(3, registry.size(), "ran-before, not-yet-run and late stay; fatal is gone");
    assertFalse(registry.unregister(fatal));
    log.clear();
    assertArrayEquals(Slots.ints(1, 2), registry.tryRunAll(), "the registry is usable again");
    assertEquals(List.of("ran-before", "not-yet-run"), log);
  }

  @Test
  void interruptStatusIsLeftAsTheHandlerLeftIt() {
    List<Boolean> interruptedInNext = new ArrayList<>();
    registry.register(() -> {
      Thread.currentThread().interrupt();
      return Slots.NONE;
    });
    registry.register(() -> {
      interruptedInNext.add(Thread.currentThread().isInterrupted());
      return Slots.NONE;
    });

    registry.tryRunAll();

    assertTrue(Thread.interrupted(), "still set after the pass (and cleared here)");
    assertEquals(List.of(true), interruptedInNext);
    assertEquals(2, registry.size(), "interrupting is not a failure");
  }

  @Test
  void aHandlerThatFailsAfterUnregisteringItselfIsReportedOnceAndNotCountedTwice() {
    RecoveryHandler[] self = new RecoveryHandler[1];
    self[0] = () -> {
      registry.unregister(self[0]);
      throw new IllegalStateException("after unregister");
    };
    registry.register(self[0]);
    registry.register(() -> Slots.NONE);

    registry.tryRunAll();

    assertEquals(1, registry.size());
    assertEquals(1, causes.size());
  }
}
