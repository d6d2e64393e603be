package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Logs the runtime's records off the calling thread: {@link #log} only queues the record, and
 * the thread {@code meshos-log-<name>} builds the message (and the logging backend formats any
 * stack trace) there. So a tick that evicts a handler, overruns or sees a probe fail costs the tick
 * thread one small allocation, not a formatted stack trace. At most {@value #CAPACITY} records
 * wait; more are counted and dropped. Any thread may log; {@link #stop} is called once, by the
 * thread that terminates the runtime.
 */
public final class RuntimeLog {
  private static final int CAPACITY = 256;

  private final System.Logger logger;
  private final ThreadPoolExecutor executor;
  /** The log thread, once created. */
  private final AtomicReference<@Nullable Thread> thread;
  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param logger where records go
   * @param runtimeName the runtime's name, for the thread's name
   */
  public RuntimeLog(System.Logger logger, String runtimeName) {
    this.logger = requireNonNull(logger, "logger");
    String threadName = "meshos-log-" + requireNonNull(runtimeName, "runtimeName");
    AtomicReference<@Nullable Thread> created = new AtomicReference<>();
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.NANOSECONDS,
        new ArrayBlockingQueue<>(CAPACITY), r -> created(daemon(r, threadName), created),
        RuntimeLog::refuse);
    this.thread = created;
  }

  private static Thread created(Thread t, AtomicReference<@Nullable Thread> created) {
    created.set(t);
    return t;
  }

  static Thread daemon(Runnable r, String threadName) {
    Thread thread = new Thread(r, threadName);
    thread.setDaemon(true);
    return thread;
  }

  private static void refuse(Runnable r, ThreadPoolExecutor executor) {
    throw new RejectedExecutionException();
  }

  /** Starts the log thread now, so that the first record does not pay for it. */
  public void start() {
    executor.prestartCoreThread();
  }

  /**
   * Queues one record; the message is built on the log thread. After {@link #stop}, logs on the
   * calling thread.
   *
   * @param level the level
   * @param message builds the message
   * @param cause the throwable to log with it, or null
   */
  public void log(System.Logger.Level level, Supplier<String> message, @Nullable Throwable cause) {
    Runnable record = () -> write(level, message, cause);
    try {
      executor.execute(record);
    } catch (RejectedExecutionException e) {
      if (executor.isShutdown()) {
        record.run();
      } else {
        dropped.incrementAndGet();
      }
    }
  }

  private void write(System.Logger.Level level, Supplier<String> message,
      @Nullable Throwable cause) {
    try {
      if (cause == null) {
        logger.log(level, message);
      } else {
        logger.log(level, message, cause);
      }
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // a broken logging backend or message must not end the log thread
      dropped.incrementAndGet();
    }
  }

  /** Records dropped because the queue was full or the backend failed. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Logs what is queued, then ends the log thread; waits at most {@code timeoutNanos}.
   *
   * @param timeoutNanos the longest wait
   */
  public void stop(long timeoutNanos) {
    long lost = dropped.get();
    if (lost > 0) {
      log(System.Logger.Level.WARNING, () -> lost + " log record(s) dropped: too many at once",
          null);
    }
    executor.shutdown();
    long start = System.nanoTime();
    BoundedWait.await(nanos -> executor.awaitTermination(nanos, TimeUnit.NANOSECONDS),
        timeoutNanos);
    Thread t = thread.get();
    if (t != null) {
      BoundedWait.join(t, Math.max(0, timeoutNanos - (System.nanoTime() - start)));
    }
  }
}
