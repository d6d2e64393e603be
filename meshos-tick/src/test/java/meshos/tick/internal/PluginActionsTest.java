package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import meshos.api.ActionQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PluginActionsTest {
  private final List<Runnable> queue = new ArrayList<>();
  private boolean full;
  private final ActionQueue runtime = a -> !full && queue.add(a);
  private final PluginActions actions = new PluginActions("p", runtime);
  private final AtomicInteger ran = new AtomicInteger();

  @Test
  void queuedActionsAreDiscardedCountedAndNeverRun() {
    assertTrue(actions.offer(ran::incrementAndGet));
    assertTrue(actions.offer(ran::incrementAndGet));
    assertTrue(actions.offer(ran::incrementAndGet));
    queue.get(0).run(); // the worker took the first one
    assertEquals(1, ran.get());

    assertEquals(2, actions.close());
    queue.forEach(Runnable::run); // the worker reaches the discarded tags later
    assertEquals(1, ran.get(), "a discarded action never runs");
    assertFalse(actions.offer(ran::incrementAndGet), "closed");
    assertEquals(3, queue.size());
    assertEquals(0, actions.close());
  }

  @Test
  void aTagRunsItsActionAtMostOnce() {
    actions.offer(ran::incrementAndGet);
    queue.get(0).run();
    queue.get(0).run();
    assertEquals(1, ran.get());
    assertEquals(0, actions.close(), "the action had run: nothing to discard");
  }

  @Test
  void aRefusedOfferIsNotCounted() {
    full = true;
    assertFalse(actions.offer(ran::incrementAndGet));
    assertEquals(0, actions.close());
  }

  @Test
  void tagsNameThePlugin() {
    actions.offer(() -> { });
    assertEquals("action of plugin 'p'", queue.get(0).toString());
  }
}
