package meshos.tick.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import meshos.tick.RuntimeStats;

/**
 * The counters behind {@link RuntimeStats}. Each is exact and may be updated from any thread; a
 * read of all of them is not one atomic snapshot.
 */
public final class RuntimeCounters {
  private final AtomicLong ticks = new AtomicLong();
  private final AtomicLong lateTicks = new AtomicLong();
  private final AtomicLong handlerRuns = new AtomicLong();
  private final AtomicLong slotsRecovered = new AtomicLong();
  private final AtomicLong evictions = new AtomicLong();
  private final AtomicLong probeFailures = new AtomicLong();
  private final AtomicLong listenerFailures = new AtomicLong();
  private final AtomicLong phaseFailures = new AtomicLong();
  private final AtomicLong actionsAbandoned = new AtomicLong();
  private final AtomicLong lastTickNanos = new AtomicLong();
  private final AtomicLong maxTickNanos = new AtomicLong();
  private final AtomicLong restarts = new AtomicLong();
  private final AtomicLong givenUp = new AtomicLong();

  /** Ticks completed; the number of the latest tick. */
  public long ticks() {
    return ticks.get();
  }

  /** Records the end of tick {@code tick}. */
  public void tickDone(long tick, int handlers, int slots, long nanos) {
    ticks.set(tick);
    handlerRuns.addAndGet(handlers);
    slotsRecovered.addAndGet(slots);
    lastTickNanos.set(nanos);
    maxTickNanos.accumulateAndGet(nanos, Math::max);
  }

  public void lateTick() {
    lateTicks.incrementAndGet();
  }

  public void eviction() {
    evictions.incrementAndGet();
  }

  public void probeFailure() {
    probeFailures.incrementAndGet();
  }

  public void listenerFailure() {
    listenerFailures.incrementAndGet();
  }

  public void phaseFailure() {
    phaseFailures.incrementAndGet();
  }

  public void actionsAbandoned(int count) {
    actionsAbandoned.addAndGet(count);
  }

  /**
   * Supervision re-registered {@code count} handlers.
   *
   * @param count how many
   */
  public void restarts(int count) {
    restarts.addAndGet(count);
  }

  /** Supervision gave a handler up. */
  public void givenUp() {
    givenUp.incrementAndGet();
  }

  /** These counters with those of the action queue and the watchdog. */
  public RuntimeStats toStats(BoundedActionQueue actions, long overruns,
      List<String> lastOverrunCulprits) {
    return new RuntimeStats(ticks.get(), lateTicks.get(), handlerRuns.get(), slotsRecovered.get(),
        evictions.get(), probeFailures.get(), listenerFailures.get(), phaseFailures.get(),
        actions.run(), actions.dropped(), actions.failed(), actionsAbandoned.get(),
        Duration.ofNanos(lastTickNanos.get()), Duration.ofNanos(maxTickNanos.get()), overruns,
        lastOverrunCulprits, restarts.get(), givenUp.get());
  }
}
