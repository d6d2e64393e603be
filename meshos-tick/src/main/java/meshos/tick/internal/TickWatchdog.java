package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Finds out who makes a tick late without costing the tick anything per handler: its own thread
 * wakes when the tick in flight exceeds its budget and samples what the tick is doing (which
 * handler runs, or which phase), then samples again every quarter budget until the tick ends. The
 * tick thread only publishes the start and the end of each tick (one unpark per tick). Its thread
 * ({@code meshos-watchdog-<name>}) is the owner of the sampling; {@link #tickStarted} and {@link
 * #tickEnded} are called by the ticking thread, {@link #start} and {@link #stop} by the runtime's
 * lifecycle. Time is the runtime's clock.
 */
public final class TickWatchdog {
  private static final long MIN_SAMPLE_PERIOD_NANOS = 1_000_000L;

  private final long budgetNanos;
  private final long samplePeriodNanos;
  private final Supplier<String> culprit;
  private final Consumer<String> sampled;
  private final LongSupplier clock;
  private final String threadName;
  private volatile @Nullable Thread thread;
  private final AtomicLong overruns = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();

  private volatile long tickSeq;
  /** Start of the tick in flight on the runtime's clock; meaningful while {@link #inFlight}. */
  private volatile long tickStart;

  private volatile boolean inFlight;

  private volatile boolean stopped;

  @GuardedBy("lock")
  private long sampledSeq = -1;

  @GuardedBy("lock")
  private long endedSeq = -1;

  @GuardedBy("lock")
  private final Map<String, Integer> samples = new LinkedHashMap<>();

  /** What one tick did against its budget. */
  public record Verdict(boolean overBudget, List<String> culprits) {
    static final Verdict ON_TIME = new Verdict(false, List.of());
  }

  /**
   * @param threadName the watchdog thread's name
   * @param budgetNanos the tick budget, positive
   * @param clock the runtime's monotonic clock, in nanoseconds
   * @param culprit names what the tick in flight is doing; called on the watchdog thread
   * @param sampled told every name sampled, on the watchdog thread (a test seam)
   */
  public TickWatchdog(String threadName, long budgetNanos, LongSupplier clock,
      Supplier<String> culprit, Consumer<String> sampled) {
    if (budgetNanos <= 0) {
      throw new IllegalArgumentException("budget must be positive: " + budgetNanos + " ns");
    }
    this.budgetNanos = budgetNanos;
    this.samplePeriodNanos = Math.max(MIN_SAMPLE_PERIOD_NANOS, budgetNanos / 4);
    this.culprit = requireNonNull(culprit, "culprit");
    this.sampled = requireNonNull(sampled, "sampled");
    this.clock = requireNonNull(clock, "clock");
    this.threadName = requireNonNull(threadName, "threadName");
  }

  /** Starts the watchdog thread; once. */
  public void start() {
    Thread t = new Thread(this::watch, threadName);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /**
   * Stops the watchdog thread and waits for it to end.
   *
   * @param timeoutNanos the longest wait
   */
  public void stop(long timeoutNanos) {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
      BoundedWait.join(t, timeoutNanos);
    }
  }

  /** Ticks that exceeded the budget, counted when first detected. */
  public long overruns() {
    return overruns.get();
  }

  /** Called by the tick thread when tick {@code seq} starts at {@code startNanos}. */
  public void tickStarted(long seq, long startNanos) {
    tickSeq = seq;
    tickStart = startNanos;
    inFlight = true;
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Called by the tick thread when tick {@code seq} ends; returns whether it exceeded the budget and
   * what the watchdog saw it doing, most sampled first. An overrun the watchdog did not see in time
   * is counted here, with the culprit unknown.
   */
  public Verdict tickEnded(long seq, long durationNanos) {
    inFlight = false;
    List<String> culprits;
    boolean sampled;
    lock.lock();
    try {
      endedSeq = seq;
      sampled = sampledSeq == seq;
      culprits = sampled ? byCount(samples) : List.of();
    } finally {
      lock.unlock();
    }
    if (!sampled && durationNanos <= budgetNanos) {
      return Verdict.ON_TIME;
    }
    if (!sampled) {
      overruns.incrementAndGet();
      culprits = List.of("<not sampled: the tick ended before the watchdog woke>");
    }
    return new Verdict(true, culprits);
  }

  private void watch() {
    while (!stopped) {
      Thread.interrupted(); // an interrupt from outside would make every park return at once
      long seq = tickSeq;
      long start = tickStart;
      if (!inFlight) {
        LockSupport.park(this);
        continue;
      }
      long early = start + budgetNanos - clock.getAsLong();
      if (early > 0) {
        LockSupport.parkNanos(this, early);
        continue;
      }
      String name;
      try {
        name = culprit.get();
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        name = "<unnamed: " + e + ">";
      }
      lock.lock();
      try {
        if (endedSeq != seq && tickSeq == seq && inFlight) {
          if (sampledSeq != seq) {
            sampledSeq = seq;
            samples.clear();
            overruns.incrementAndGet();
          }
          samples.merge(name, 1, Integer::sum);
        }
      } finally {
        lock.unlock();
      }
      try {
        sampled.accept(name);
      } catch (RuntimeException e) {
        // a test seam only; it must never stop the watchdog
      }
      LockSupport.parkNanos(this, samplePeriodNanos);
    }
  }

  private static List<String> byCount(Map<String, Integer> samples) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(samples.entrySet());
    entries.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
    List<String> names = new ArrayList<>(entries.size());
    for (Map.Entry<String, Integer> e : entries) {
      names.add(e.getKey());
    }
    return List.copyOf(names);
  }
}
