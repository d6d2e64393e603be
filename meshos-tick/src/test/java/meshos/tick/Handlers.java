package meshos.tick;

import java.util.function.BooleanSupplier;
import meshos.api.RecoveryHandler;

/** Test handlers with readable names, and a bounded wait that fails instead of hanging. */
final class Handlers {
  static final int[] NONE = new int[0];

  private Handlers() {}

  static RecoveryHandler named(String name, RecoveryHandler body) {
    return new RecoveryHandler() {
      @Override
      public int[] recover() {
        return body.recover();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** Spins until {@code condition} holds; fails after 20 s so that a bug cannot hang the build. */
  static void awaitCondition(BooleanSupplier condition) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.onSpinWait();
    }
  }
}
