package meshos.tick.internal;

import java.util.ArrayList;
import java.util.List;
import meshos.api.RecoveryHandler;
import meshos.registry.EvictionListener;
import meshos.tick.HandlerEviction;
import org.jspecify.annotations.Nullable;

/**
 * The registry's {@link EvictionListener}: collects the evictions of the tick's pass so that the
 * pass returns them as data. Owned by the ticking thread, which brackets its pass with {@link
 * #begin()} and {@link #end()}; an eviction reported on another thread (a pass someone runs on the
 * runtime's registry outside a tick) is handed to the fallback instead.
 */
public final class EvictionRecorder implements EvictionListener {
  private final HandlerNames names;
  private final Fallback outsideTicks;
  private volatile @Nullable Thread recording;
  private @Nullable List<HandlerEviction> evictions;

  /** Told about an eviction of a pass that is not a tick's. */
  @FunctionalInterface
  public interface Fallback {
    /**
     * Reports an eviction of a pass run outside a tick.
     *
     * @param eviction the eviction
     */
    void evictedOutsideTick(HandlerEviction eviction);
  }

  /**
   * @param names names the evicted handlers
   * @param outsideTicks told about evictions of passes that are not a tick's
   */
  public EvictionRecorder(HandlerNames names, Fallback outsideTicks) {
    this.names = names;
    this.outsideTicks = outsideTicks;
  }

  /** Tick thread: the pass starts; evictions on this thread are recorded from now on. */
  public void begin() {
    evictions = null;
    recording = Thread.currentThread();
  }

  /**
   * Tick thread: the pass ended.
   *
   * @return the evictions recorded since {@link #begin()}, in the order they were reported
   */
  public List<HandlerEviction> end() {
    recording = null;
    List<HandlerEviction> recorded = evictions;
    evictions = null;
    return recorded == null ? List.of() : recorded;
  }

  @Override
  public void evicted(RecoveryHandler handler, Throwable cause) {
    HandlerEviction eviction = new HandlerEviction(handler, names.nameOf(handler), cause);
    if (recording != Thread.currentThread()) {
      outsideTicks.evictedOutsideTick(eviction);
      return;
    }
    if (evictions == null) {
      evictions = new ArrayList<>(2);
    }
    evictions.add(eviction);
  }
}
