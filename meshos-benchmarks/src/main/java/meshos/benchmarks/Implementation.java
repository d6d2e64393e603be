package meshos.benchmarks;

import java.util.Arrays;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.registry.LockingRecoveryRegistry;

/**
 * The registries compared, by the name used in the {@code impl} benchmark parameter; {@code
 * meshos-marks} is meshos as overrun enforcement runs it ({@code enableCallMarks()}), for A/Bs with
 * {@code -p impl=...}, not in the suite's default runs.
 */
final class Implementation {
  private Implementation() {}

  /** A new, empty registry of implementation {@code id}. */
  static RecoveryRegistry create(String id) {
    return switch (id) {
      case "meshos" -> new LockingRecoveryRegistry((handler, cause) -> { });
      case "meshos-marks" -> withCallMarks(new LockingRecoveryRegistry((handler, cause) -> { }));
      case "plain-loop" -> new PlainLoopBaseline();
      case "cowal" -> new CopyOnWriteBaseline();
      case "lock-held" -> new LockHeldBaseline();
      default -> throw new IllegalArgumentException("unknown implementation " + id);
    };
  }

  /** {@code registry} with call marks enabled, as overrun enforcement runs it. */
  private static LockingRecoveryRegistry withCallMarks(LockingRecoveryRegistry registry) {
    registry.enableCallMarks();
    return registry;
  }

  /**
   * Registers {@code handlers} in order. The copy-on-write baseline takes them in one copy, so that
   * setting up 100 000 handlers does not copy the array 100 000 times; the others one by one.
   */
  static void registerAll(RecoveryRegistry registry, RecoveryHandler[] handlers) {
    if (registry instanceof CopyOnWriteBaseline cowal) {
      cowal.registerAll(Arrays.asList(handlers));
    } else {
      for (RecoveryHandler handler : handlers) {
        registry.register(handler);
      }
    }
  }
}
