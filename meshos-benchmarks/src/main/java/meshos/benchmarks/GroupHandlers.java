package meshos.benchmarks;

import java.util.Random;
import meshos.api.RecoveryHandler;

/**
 * P9's handlers: each one owns a replica group and, like the X-13 handler ({@code
 * ReplicaGroup.tryRecover}), first reads the group's volatile unhealthy count and returns at once
 * when it is zero, as it is in every benchmarked pass. Eight handler classes, assigned at random.
 *
 * <p>{@link #shuffled} allocates the groups and the handlers each in its own random order, unrelated
 * to the order of registration, so that a pass walks memory the way a long-running node does
 * (handlers registered as groups come and go), not in allocation order. A full collection after
 * set-up (the benchmark calls {@code System.gc()}) compacts the heap and keeps that order: G1's full
 * collection slides objects down, preserving their relative addresses.
 */
final class GroupHandlers {
  static final int CLASSES = 8;
  static final int[] NONE = new int[0];

  private GroupHandlers() {}

  /** One replica group's state as its handler reads it; the tick thread alone writes it here. */
  static final class Group {
    volatile int unhealthy;

    /** Never reached in the benchmark: every group stays healthy. */
    int[] recoverOne() {
      unhealthy = 0;
      return new int[] {0};
    }
  }

  /**
   * {@code n} handlers, handler {@code i} to be registered {@code i}-th, each with its own group;
   * the same {@code seed} gives the same classes and the same memory order.
   */
  static RecoveryHandler[] shuffled(int n, long seed) {
    Random random = new Random(seed);
    Group[] groups = new Group[n];
    for (int i : permutation(n, random)) {
      groups[i] = new Group();
    }
    int[] classOf = new int[n];
    for (int i = 0; i < n; i++) {
      classOf[i] = random.nextInt(CLASSES);
    }
    RecoveryHandler[] handlers = new RecoveryHandler[n];
    for (int i : permutation(n, random)) {
      handlers[i] = create(classOf[i], groups[i]);
    }
    return handlers;
  }

  private static int[] permutation(int n, Random random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  static RecoveryHandler create(int kind, Group group) {
    return switch (kind % CLASSES) {
      case 0 -> new G0(group);
      case 1 -> new G1(group);
      case 2 -> new G2(group);
      case 3 -> new G3(group);
      case 4 -> new G4(group);
      case 5 -> new G5(group);
      case 6 -> new G6(group);
      default -> new G7(group);
    };
  }

  static final class G0 implements RecoveryHandler {
    private final Group group;

    G0(Group group) {
      this.group = group;
    }

    @Override
    public int[] recover() {
      return group.unhealthy == 0 ? NONE : group.recoverOne();
    }
  }

  static final class G1 implements RecoveryHandler {
    private final Group group;

    G1(Group group) {
      this.group = group;
    }

    @Override
    public int[] recover() {
      return group.unhealthy == 0 ? NONE : group.recoverOne();
    }
  }

  static final class G2 implements RecoveryHandler {
    private final Group group;

    G2(Group group) {
      this.group = group;
    }

    @Override
    public int[] recover() {
      return group.unhealthy == 0 ? NONE : group.recoverOne();
    }
  }

  static final class G3 implements RecoveryHandler {
    private final Group group;

    G3(Group group) {
      this.group = group;
    }

    @Override
    public int[] recover() {
      return group.unhealthy == 0 ? NONE : group.recoverOne();
    }
  }

  static final class G4 implements RecoveryHandler {
    private final Group group;

    G4(Group group) {
      this.group = group;
    }

    @Override
    public int[] recover() {
      return group.unhealthy == 0 ? NONE : group.recoverOne();
    }
  }

  static final class G5 implements RecoveryHandler {
    private final Group group;

    G5(Group group) {
      this.group = group;
    }

    @Override
    public int[] recover() {
      return group.unhealthy == 0 ? NONE : group.recoverOne();
    }
  }

  static final class G6 implements RecoveryHandler {
    private final Group group;

    G6(Group group) {
      this.group = group;
    }

    @Override
    public int[] recover() {
      return group.unhealthy == 0 ? NONE : group.recoverOne();
    }
  }

  static final class G7 implements RecoveryHandler {
    private final Group group;

    G7(Group group) {
      this.group = group;
    }

    @Override
    public int[] recover() {
      return group.unhealthy == 0 ? NONE : group.recoverOne();
    }
  }
}
