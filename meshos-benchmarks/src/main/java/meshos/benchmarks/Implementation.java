package meshos.benchmarks;

import meshos.api.RecoveryRegistry;
import meshos.registry.LockingRecoveryRegistry;

/** The registries compared, by the name used in the {@code impl} benchmark parameter. */
final class Implementation {
  private Implementation() {}

  /** A new, empty registry of implementation {@code id}. */
  static RecoveryRegistry create(String id) {
    return switch (id) {
      case "meshos" -> new LockingRecoveryRegistry((handler, cause) -> { });
      case "plain-loop" -> new PlainLoopBaseline();
      case "cowal" -> new CopyOnWriteBaseline();
      case "lock-held" -> new LockHeldBaseline();
      default -> throw new IllegalArgumentException("unknown implementation " + id);
    };
  }
}
