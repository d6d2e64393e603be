package meshos.soak;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import meshos.api.ActionQueue;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;

/**
 * A chaos handler that records every tick it runs in, so that the soak can check afterwards that
 * it ran on every tick between its registration and its removal, once, and never after.
 */
final class Tracked implements RecoveryHandler {
  /** What a handler does besides recording. */
  enum Kind { STABLE, THROWER, SELF_UNREGISTER, SPAWNER }

  private static final int[] NONE = new int[0];

  final int id;
  final Kind kind;
  private final LongSupplier tick;
  private final RecoveryRegistry registry;
  private final ActionQueue actions;
  private final Soak soak;

  /** Earliest and latest tick in which it must first run; set by whoever registers it. */
  volatile long firstAllowed;
  volatile long firstRequired;
  /** Latest tick in which it may still run once removed; {@code Long.MAX_VALUE} while live. */
  volatile long lastAllowed = Long.MAX_VALUE;
  /** Once removed: the last tick that completed before the removal began, so it must have run. */
  volatile long mustRunThrough = Long.MAX_VALUE;
  volatile boolean removed;

  // Written only on the tick thread; read after the runtime's close(), which joins that thread.
  long firstTick = -1;
  long lastTick = -1;
  long runs;
  long gaps;
  long doubles;

  Tracked(int id, Kind kind, LongSupplier tick, RecoveryRegistry registry, ActionQueue actions,
      Soak soak) {
    this.id = id;
    this.kind = kind;
    this.tick = tick;
    this.registry = registry;
    this.actions = actions;
    this.soak = soak;
  }

  @Override
  public int[] recover() {
    long t = tick.getAsLong();
    if (t == lastTick) {
      doubles++;
    } else if (lastTick >= 0 && t != lastTick + 1) {
      gaps++;
    }
    if (firstTick < 0) {
      firstTick = t;
    }
    lastTick = t;
    runs++;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    switch (kind) {
      case THROWER -> {
        if (random.nextInt(200) == 0) {
          removed = true;
          lastAllowed = t;
          mustRunThrough = t;
          soak.thrown.incrementAndGet();
          throw new IllegalStateException("chaos: handler " + id + " throws at tick " + t);
        }
      }
      case SELF_UNREGISTER -> {
        if (random.nextInt(300) == 0 && registry.unregister(this)) {
          removed = true;
          lastAllowed = t;
          mustRunThrough = t;
          soak.selfUnregistered.incrementAndGet();
        }
      }
      case SPAWNER -> {
        if (random.nextInt(100) == 0 && soak.liveEstimate() < Soak.MAX_LIVE) {
          Tracked child = soak.newHandler(random.nextBoolean() ? Kind.STABLE : Kind.THROWER);
          child.firstAllowed = t + 1;
          child.firstRequired = t + 1;
          registry.register(child);
          soak.spawned.incrementAndGet();
        }
        if (random.nextInt(50) == 0) {
          boolean fail = random.nextInt(4) == 0;
          if (actions.offer(() -> {
            if (fail) {
              throw new IllegalStateException("chaos: action fails");
            }
          })) {
            soak.actionsOffered.incrementAndGet();
            if (fail) {
              soak.actionsMeantToFail.incrementAndGet();
            }
          }
        }
      }
      case STABLE -> {
        // records only
      }
    }
    return NONE;
  }

  @Override
  public String toString() {
    return "tracked-" + id + "-" + kind;
  }
}
