package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeRegistry;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.RuntimeState;
import meshos.tick.Supervision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runtime's plugin host hands the leak check every handler registered, through any path (the
 * users' view, or the registry itself), so that a leak report can name a plugin's handler that
 * application code registered again ({@link PluginLeakTest} covers the report).
 */
@Timeout(30)
class PluginRuntimeHostTest {
  private static final int[] NONE = new int[0];

  private static PluginRuntimeHost host(RecoveryRegistry registry) {
    return new PluginRuntimeHost("host-test", registry, new BoundedActionQueue("unused", 4),
        new ProbeRegistry(), PeerSnapshot::empty, new ReentrantLock(), null,
        () -> RuntimeState.RUNNING, new HandlerNames());
  }

  @Test
  void theLeakCheckSeesEveryHandlerRegisteredThroughAnyPathInPassOrder() {
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry();
    RuntimeRegistry view = new RuntimeRegistry(registry, Supervisor.of(Supervision.evict()));
    RecoveryHandler direct = () -> NONE;
    RecoveryHandler throughView = () -> NONE;
    registry.register(direct);
    view.register(throughView);
    view.register(direct);

    List<RecoveryHandler> seen = host(view).registeredHandlers();

    assertEquals(List.of(direct, throughView, direct), seen);
    assertThrows(UnsupportedOperationException.class, () -> seen.add(direct));
    view.unregister(direct);
    assertEquals(List.of(throughView, direct), host(view).registeredHandlers());
  }

  @Test
  void aRegistryThatCannotListItsHandlersGivesAnEmptyList() {
    RecoveryRegistry other = new RecoveryRegistry() {
      @Override
      public int register(RecoveryHandler handler) {
        return 1;
      }

      @Override
      public boolean unregister(RecoveryHandler handler) {
        return false;
      }

      @Override
      public int size() {
        return 1;
      }

      @Override
      public boolean isEmpty() {
        return false;
      }

      @Override
      public int[] tryRunAll() {
        return NONE;
      }
    };
    assertEquals(List.of(), host(other).registeredHandlers());
  }
}
