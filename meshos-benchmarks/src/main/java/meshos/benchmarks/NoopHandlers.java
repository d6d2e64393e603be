package meshos.benchmarks;

import meshos.api.RecoveryHandler;

/**
 * Recovery handlers that recover nothing (they return one shared empty array), in eight distinct
 * classes so that a pass over them can be made monomorphic (one class) or megamorphic (eight).
 */
final class NoopHandlers {
  static final int[] NONE = new int[0];

  private NoopHandlers() {}

  /** A handler of class number {@code kind % 8}. */
  static RecoveryHandler create(int kind) {
    return switch (kind % 8) {
      case 0 -> new H0();
      case 1 -> new H1();
      case 2 -> new H2();
      case 3 -> new H3();
      case 4 -> new H4();
      case 5 -> new H5();
      case 6 -> new H6();
      default -> new H7();
    };
  }

  static final class H0 implements RecoveryHandler {
    @Override
    public int[] recover() {
      return NONE;
    }
  }

  static final class H1 implements RecoveryHandler {
    @Override
    public int[] recover() {
      return NONE;
    }
  }

  static final class H2 implements RecoveryHandler {
    @Override
    public int[] recover() {
      return NONE;
    }
  }

  static final class H3 implements RecoveryHandler {
    @Override
    public int[] recover() {
      return NONE;
    }
  }

  static final class H4 implements RecoveryHandler {
    @Override
    public int[] recover() {
      return NONE;
    }
  }

  static final class H5 implements RecoveryHandler {
    @Override
    public int[] recover() {
      return NONE;
    }
  }

  static final class H6 implements RecoveryHandler {
    @Override
    public int[] recover() {
      return NONE;
    }
  }

  static final class H7 implements RecoveryHandler {
    @Override
    public int[] recover() {
      return NONE;
    }
  }
}
