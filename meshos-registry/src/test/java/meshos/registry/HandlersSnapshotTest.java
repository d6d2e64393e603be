package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LockingRecoveryRegistry#handlers()}: the registered handlers in the order the next pass
 * runs them, also during a pass (its handlers not removed so far, then those registered since).
 */
@Timeout(30)
class HandlersSnapshotTest {
  private static final int[] NONE = new int[0];
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});

  @Test
  void outsideAPassTheSnapshotIsTheRegistrationOrderWithRepeatsAndIsImmutable() {
    RecoveryHandler a = () -> NONE;
    RecoveryHandler b = () -> NONE;
    assertEquals(List.of(), registry.handlers());
    registry.register(a);
    registry.register(b);
    registry.register(a);

    List<RecoveryHandler> snapshot = registry.handlers();

    assertEquals(List.of(a, b, a), snapshot);
    assertThrows(UnsupportedOperationException.class, () -> snapshot.add(b));
    registry.unregister(a);
    assertEquals(List.of(a, b, a), snapshot, "a snapshot, not a view");
    assertEquals(List.of(b, a), registry.handlers());
  }

  @Test
  void duringAPassTheSnapshotHoldsThePassesSurvivorsThenTheHandlersRegisteredSince() {
    RecoveryHandler removed = () -> NONE;
    RecoveryHandler thrower = () -> {
      throw new IllegalStateException("evicted");
    };
    RecoveryHandler later = () -> NONE;
    RecoveryHandler added = () -> NONE;
    AtomicReference<List<RecoveryHandler>> seen = new AtomicReference<>();
    RecoveryHandler looker = new RecoveryHandler() {
      @Override
      public int[] recover() {
        registry.unregister(removed);
        registry.register(added);
        seen.set(registry.handlers());
        return NONE;
      }
    };
    registry.register(removed);
    registry.register(thrower);
    registry.register(looker);
    registry.register(later);

    registry.tryRunAll();

    assertEquals(List.of(looker, later, added), seen.get(),
        "the pass's own handlers first (the evicted one and the unregistered one left), then the"
            + " handler registered during the pass");
    assertEquals(List.of(looker, later, added), registry.handlers(), "the merge keeps that order");
  }

  @Test
  void aSnapshotTakenOnAnotherThreadDuringAPassHoldsThePassesHandlers() throws Exception {
    CountDownLatch inPass = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecoveryHandler blocker = () -> {
      inPass.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return NONE;
    };
    RecoveryHandler after = () -> NONE;
    registry.register(blocker);
    registry.register(after);
    Thread pass = new Thread(registry::tryRunAll, "pass");
    pass.start();
    List<List<RecoveryHandler>> snapshots = new ArrayList<>();
    try {
      inPass.await();
      snapshots.add(registry.handlers());
    } finally {
      release.countDown();
      pass.join(10_000);
    }
    assertEquals(List.of(List.of(blocker, after)), snapshots);
  }
}
