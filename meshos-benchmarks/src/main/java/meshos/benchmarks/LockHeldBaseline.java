package meshos.benchmarks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;

/**
 * Baseline 3, the original's pre-fix design: one list guarded by one lock held across the whole
 * pass, handlers included. Registering waits for the pass. The lock is fair, which favours this
 * baseline in the latency benchmark (a barging pass thread could otherwise starve registration).
 */
final class LockHeldBaseline implements RecoveryRegistry {
  private final ReentrantLock lock = new ReentrantLock(true);
  private final List<RecoveryHandler> handlers = new ArrayList<>();

  @Override
  public int register(RecoveryHandler handler) {
    lock.lock();
    try {
      handlers.add(handler);
      return handlers.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean unregister(RecoveryHandler handler) {
    lock.lock();
    try {
      return handlers.remove(handler);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int size() {
    lock.lock();
    try {
      return handlers.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public int[] tryRunAll() {
    lock.lock();
    try {
      Slots slots = null;
      for (Iterator<RecoveryHandler> it = handlers.iterator(); it.hasNext(); ) {
        RecoveryHandler handler = it.next();
        try {
          slots = Slots.add(slots, handler.recover());
        } catch (RuntimeException | Error e) {
          it.remove();
        }
      }
      return Slots.result(slots);
    } finally {
      lock.unlock();
    }
  }
}
