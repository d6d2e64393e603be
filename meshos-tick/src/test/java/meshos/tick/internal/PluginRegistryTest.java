package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import meshos.api.RecoveryHandler;
import meshos.registry.LockingRecoveryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PluginRegistryTest {
  private final LockingRecoveryRegistry runtime = new LockingRecoveryRegistry();
  private final PluginRegistry view = new PluginRegistry("p", runtime);
  private final RecoveryHandler a = () -> new int[] {1};
  private final RecoveryHandler b = () -> new int[] {2};

  @Test
  void registrationsGoToTheRuntimeAndAreRecorded() {
    assertEquals(1, view.register(a));
    assertEquals(2, view.register(b));
    assertEquals(3, view.register(a));
    assertEquals(3, runtime.size());
    assertArrayEquals(new int[] {1, 2, 1}, view.tryRunAll());
    assertTrue(view.unregister(a));
    assertEquals(List.of(b, a), view.close(), "the earliest registration of a was forgotten");
    assertEquals(List.of(), view.close(), "close hands the records over once");
  }

  @Test
  void afterCloseRegistrationsAreRefusedAndNothingRuns() {
    view.register(a);
    view.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> view.register(b));
    assertTrue(e.getMessage().contains("plugin 'p' is unloaded"), e.getMessage());
    assertEquals(1, runtime.size(), "b never reached the runtime");
    assertFalse(view.unregister(a));
    assertEquals(0, view.tryRunAll().length);
  }

  @Test
  void handlersRegisteredElsewhereAreNotRecorded() {
    runtime.register(a);
    view.register(b);
    assertFalse(view.unregister(() -> new int[0]));
    assertEquals(List.of(b), view.close());
  }
}
