package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Rule 8: evictions are reported to the listener after the merge, outside the lock. */
class EvictionReportingTest {
  private final EvictionListener listener = mock(EvictionListener.class);
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry(listener);

  @Test
  void eachEvictionIsReportedOnceInFailureOrderWithItsCause() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second");
    RecoveryHandler a = () -> {
      throw first;
    };
    RecoveryHandler b = () -> {
      throw second;
    };
    registry.register(a);
    registry.register(() -> Slots.NONE);
    registry.register(b);

    registry.tryRunAll();
    registry.tryRunAll();

    InOrder order = inOrder(listener);
    order.verify(listener).evicted(same(a), same(first));
    order.verify(listener).evicted(same(b), same(second));
    verifyNoMoreInteractions(listener);
  }

  @Test
  void theListenerRunsAfterTheMergeAndMayUseTheRegistry() {
    List<Object> seenByListener = new ArrayList<>();
    RecoveryHandler late = () -> Slots.ints(8);
    doAnswer(inv -> {
      seenByListener.add(registry.size());
      seenByListener.add(registry.tryRunAll().length); // a new pass, the evicting one is over
      return null;
    }).when(listener).evicted(any(), any());
    registry.register(() -> {
      registry.register(late);
      throw new IllegalStateException("x");
    });

    registry.tryRunAll();

    assertEquals(List.of(1, 1), seenByListener, "merged: only the late handler, which then ran");
  }

  @Test
  void aThrowingListenerDoesNotStopLaterReportsNorThePass() {
    doThrow(new IllegalStateException("listener bug"))
        .when(listener).evicted(any(), any());
    RecoveryHandler a = () -> null;
    RecoveryHandler b = () -> null;
    registry.register(a);
    registry.register(b);
    registry.register(() -> Slots.ints(1));

    assertEquals(1, registry.tryRunAll().length);

    verify(listener).evicted(same(a), any(InvalidRecoveryResultException.class));
    verify(listener).evicted(same(b), any(InvalidRecoveryResultException.class));
    assertEquals(1, registry.size());
  }

  @Test
  void afterAPassThatEvictedTheLockIsFreeForOtherThreads() throws Exception {
    registry.register(() -> {
      throw new IllegalStateException("x");
    });
    registry.register(() -> null);
    registry.register(() -> Slots.ints(-1));
    registry.register(() -> Slots.ints(2));

    assertEquals(1, registry.tryRunAll().length);

    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      assertEquals(1, other.submit(registry::size).get(5, TimeUnit.SECONDS));
      assertEquals(2, other.submit(() -> registry.register(() -> Slots.NONE))
          .get(5, TimeUnit.SECONDS));
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void theDefaultListenerLogsAndTheRegistryGoesOn() {
    LockingRecoveryRegistry logging = new LockingRecoveryRegistry();
    logging.register(() -> null);
    logging.register(() -> Slots.ints(3));

    assertEquals(1, logging.tryRunAll().length);
    assertEquals(1, logging.size());
  }

  @Test
  void noEvictionNoReport() {
    registry.register(() -> Slots.ints(1));
    registry.tryRunAll();
    verify(listener, never()).evicted(any(), any());
  }
}
