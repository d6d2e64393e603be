package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the registry logs itself: the default listener's eviction WARNING, and one WARNING for each
 * failure of an eviction listener or a markRunningCall consumer (which the pass survives).
 */
class LoggedFailuresTest {
  private final LogRecords log = LogRecords.install();

  @AfterEach
  void uninstall() {
    log.close();
  }

  @Test
  void theDefaultListenerLogsOneWarningNamingTheHandlerWithTheCause() {
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry();
    IllegalStateException cause = new IllegalStateException("boom");
    registry.register(Slots.named("broken", () -> {
      throw cause;
    }));

    registry.tryRunAll();

    LogRecord record = log.only();
    assertEquals(Level.WARNING, record.getLevel());
    assertEquals("evicted recovery handler broken", record.getMessage());
    assertSame(cause, record.getThrown());
  }

  @Test
  void aThrowingListenerIsLoggedOncePerEvictionAndTheOthersAreStillTold() {
    IllegalStateException bug = new IllegalStateException("listener bug");
    EvictionListener listener = new EvictionListener() {
      @Override
      public void evicted(RecoveryHandler handler, Throwable cause) {
        throw bug;
      }

      @Override
      public String toString() {
        return "the-listener";
      }
    };
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry(listener);
    registry.register(Slots.named("a", () -> null));
    registry.register(Slots.named("b", () -> null));

    registry.tryRunAll();

    assertEquals(List.of("eviction listener the-listener failed for handler a",
        "eviction listener the-listener failed for handler b"), log.messages());
    for (LogRecord record : log.records) {
      assertEquals(Level.WARNING, record.getLevel());
      assertSame(bug, record.getThrown());
    }
  }

  @Test
  void aListenerErrorOtherThanAVirtualMachineErrorIsLoggedToo() {
    AssertionError bug = new AssertionError("listener assertion");
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {
      throw bug;
    });
    registry.register(Slots.named("a", () -> null));
    registry.register(Slots.named("b", () -> Slots.ints(4)));

    assertArrayEquals(Slots.ints(4), registry.tryRunAll());
    assertSame(bug, log.only().getThrown());
    assertTrue(log.only().getMessage().endsWith("failed for handler a"), log.messages()::toString);
  }

  @Test
  void aThrowingMarkConsumerIsLoggedOnceNamingConsumerAndHandler() {
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
    IllegalStateException bug = new IllegalStateException("consumer bug");
    java.util.function.Consumer<RecoveryHandler> consumer =
        new java.util.function.Consumer<>() {
          @Override
          public void accept(RecoveryHandler h) {
            throw bug;
          }

          @Override
          public String toString() {
            return "the-consumer";
          }
        };
    registry.enableCallMarks();
    registry.register(Slots.named("self", () -> {
      assertTrue(registry.markRunningCall(consumer));
      return Slots.ints(1);
    }));
    registry.register(Slots.named("next", () -> Slots.ints(2)));

    assertArrayEquals(Slots.ints(1, 2), registry.tryRunAll());

    LogRecord record = log.only();
    assertEquals(Level.WARNING, record.getLevel());
    assertEquals("markRunningCall consumer the-consumer failed for handler self",
        record.getMessage());
    assertSame(bug, record.getThrown());
  }

  @Test
  void aRegistryWithAListenerLogsNothingItself() {
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
    registry.register(() -> null);
    registry.tryRunAll();
    assertEquals(List.of(), log.messages());
  }

  @Test
  void aListenerThrowingAVirtualMachineErrorPropagatesItUnlogged() {
    OutOfMemoryError fatal = new OutOfMemoryError("simulated, in the listener");
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {
      throw fatal;
    });
    registry.register(Slots.named("a", () -> null));
    registry.register(Slots.named("b", () -> Slots.ints(5)));

    assertSame(fatal, assertThrows(OutOfMemoryError.class, registry::tryRunAll));
    assertEquals(List.of(), log.messages());
    assertEquals(1, registry.size(), "the pass had merged before the listener ran");
  }

  @Test
  void aListenerStackOverflowIsLoggedLikeAnyOtherFailure() {
    StackOverflowError overflow = new StackOverflowError("simulated, in the listener");
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {
      throw overflow;
    });
    registry.register(Slots.named("a", () -> null));

    assertArrayEquals(Slots.NONE, registry.tryRunAll());
    assertSame(overflow, log.only().getThrown());
  }
}
