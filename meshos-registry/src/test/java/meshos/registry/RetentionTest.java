package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicReference;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;

/**
 * A handler that has left the registry is not kept reachable by its spare or stale array entries
 * (a plugin's handlers must be collectable once unregistered, or its class loader leaks).
 */
class RetentionTest {
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});

  /** A handler with an identity of its own (a non-capturing lambda would be a shared constant). */
  private static final class Disposable implements RecoveryHandler {
    @Override
    public int[] recover() {
      return Slots.NONE;
    }
  }

  @Test
  void aHandlerRegisteredDuringAPassThenUnregisteredIsCollectable() {
    AtomicReference<RecoveryHandler> pending = new AtomicReference<>();
    WeakReference<RecoveryHandler> late = newPending(pending);
    registry.register(() -> {
      RecoveryHandler h = pending.getAndSet(null);
      if (h != null) {
        registry.register(h);
      }
      return Slots.NONE;
    });
    registry.tryRunAll(); // registers the late handler during the pass
    registry.tryRunAll(); // it runs

    assertTrue(registry.unregister(late.get()));
    assertArrayEquals(Slots.NONE, registry.tryRunAll());
    assertTrue(collected(late), "the registry still holds the unregistered handler");
  }

  @Test
  void aHandlerUnregisteredAfterAPassThatCompactedTheArrayIsCollectable() {
    AtomicReference<RecoveryHandler> victim = new AtomicReference<>(new Disposable());
    registry.register(() -> {
      RecoveryHandler v = victim.getAndSet(null);
      if (v != null) {
        registry.unregister(v);
      }
      return Slots.NONE;
    });
    registry.register(victim.get());
    WeakReference<RecoveryHandler> last = registerNew();
    registry.tryRunAll(); // [first, (removed), last] compacted to [first, last]

    assertTrue(registry.unregister(last.get()));
    assertTrue(collected(last), "a stale entry past the count still holds the handler");
  }

  @Test
  void theConsumerOfAMarkThePassDroppedIsCollectable() {
    registry.enableCallMarks();
    AtomicReference<java.util.function.Consumer<RecoveryHandler>> consumer =
        new AtomicReference<>(new java.util.function.Consumer<>() { // its own identity
          @Override
          public void accept(RecoveryHandler h) {}
        });
    WeakReference<Object> dropped = new WeakReference<>(consumer.get());
    boolean[] fail = {true};
    registry.register(() -> {
      if (fail[0]) {
        fail[0] = false;
        registry.markRunningCall(consumer.getAndSet(null));
        throw new OutOfMemoryError("simulated: the pass ends before the mark is reported");
      }
      return Slots.NONE;
    });
    org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class, registry::tryRunAll);

    assertTrue(collected(dropped), "the registry still holds the dropped mark's consumer");
  }

  private WeakReference<RecoveryHandler> registerNew() {
    RecoveryHandler h = new Disposable();
    registry.register(h);
    return new WeakReference<>(h);
  }

  private static WeakReference<RecoveryHandler> newPending(AtomicReference<RecoveryHandler> to) {
    RecoveryHandler h = new Disposable();
    to.set(h);
    return new WeakReference<>(h);
  }

  /** Runs collections until {@code ref} is cleared, at most 20 (the test may, the library not). */
  static boolean collected(WeakReference<?> ref) {
    for (int i = 0; i < 20 && !ref.refersTo(null); i++) {
      System.gc();
    }
    return ref.refersTo(null);
  }
}
