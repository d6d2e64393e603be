package meshos.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;

/**
 * Baseline 2, what a Java team writes instead: a {@link CopyOnWriteArrayList}, a try/catch per
 * handler, and {@code removeIf} eviction after the pass. Registering never waits for a pass, but
 * copies the whole list; concurrent passes are not prevented.
 */
final class CopyOnWriteBaseline implements RecoveryRegistry {
  private final CopyOnWriteArrayList<RecoveryHandler> handlers = new CopyOnWriteArrayList<>();

  @Override
  public int register(RecoveryHandler handler) {
    handlers.add(handler);
    return handlers.size();
  }

  /** Registers all of {@code all}, in order, with one copy of the array. */
  void registerAll(List<RecoveryHandler> all) {
    handlers.addAll(all);
  }

  @Override
  public boolean unregister(RecoveryHandler handler) {
    return handlers.remove(handler);
  }

  @Override
  public int size() {
    return handlers.size();
  }

  @Override
  public boolean isEmpty() {
    return handlers.isEmpty();
  }

  @Override
  public int[] tryRunAll() {
    Slots slots = null;
    List<RecoveryHandler> failed = null;
    for (RecoveryHandler handler : handlers) {
      try {
        slots = Slots.add(slots, handler.recover());
      } catch (RuntimeException | Error e) {
        if (failed == null) {
          failed = new ArrayList<>();
        }
        failed.add(handler);
      }
    }
    if (failed != null) {
      List<RecoveryHandler> evict = failed;
      handlers.removeIf(h -> evict.stream().anyMatch(f -> f == h));
    }
    return Slots.result(slots);
  }
}
