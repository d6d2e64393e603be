package meshos.registry;

import static meshos.registry.Slots.logging;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rule 3: a handler registered during a pass runs from the next pass on, not in that pass. */
@Timeout(30)
class RegisteredDuringPassTest {
  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final List<String> log = Slots.newLog();
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void shutdown() {
    pool.shutdownNow();
  }

  @Test
  void handlerRegisteredFromInsideAHandlerRunsFromTheNextPass() {
    registry.register(() -> {
      log.add("first");
      registry.register(logging(log, "child", 9));
      return Slots.NONE;
    });

    assertArrayEquals(Slots.NONE, registry.tryRunAll());
    assertEquals(List.of("first"), log);

    assertArrayEquals(Slots.ints(9), registry.tryRunAll());
    assertEquals(List.of("first", "first", "child"), log);
  }

  @Test
  void handlerRegisteredFromAnotherThreadDuringAPassRunsFromTheNextPass() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch registered = new CountDownLatch(1);
    registry.register(() -> {
      entered.countDown();
      LockDisciplineTest.await(registered);
      log.add("blocker");
      return Slots.NONE;
    });
    registry.register(logging(log, "after-blocker"));
    Future<int[]> pass = pool.submit(registry::tryRunAll);
    assertTrue(entered.await(10, TimeUnit.SECONDS));

    registry.register(logging(log, "concurrent", 4));
    registered.countDown();
    assertArrayEquals(Slots.NONE, pass.get(10, TimeUnit.SECONDS));
    assertEquals(List.of("blocker", "after-blocker"), log);

    assertArrayEquals(Slots.ints(4), registry.tryRunAll());
    assertEquals(List.of("blocker", "after-blocker", "blocker", "after-blocker", "concurrent"), log);
  }
}
