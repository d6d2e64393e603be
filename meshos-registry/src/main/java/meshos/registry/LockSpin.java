package meshos.registry;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A brief, bounded spin before {@link ReentrantLock#lock()}: the registry's critical sections last
 * tens of nanoseconds, far less than parking and waking a thread, so a thread that finds the lock
 * held first waits a little on the CPU. Stateless; called by any thread that is about to lock.
 */
final class LockSpin {
  /** About a microsecond or two of {@link Thread#onSpinWait()}; then {@code lock()} may park. */
  static final int LIMIT = 64;

  private LockSpin() {}

  /** Returns once {@code lock} looks free or after {@link #LIMIT} spins, whichever comes first. */
  static void whileHeld(ReentrantLock lock) {
    for (int i = 0; i < LIMIT && lock.isLocked(); i++) {
      Thread.onSpinWait();
    }
  }
}
