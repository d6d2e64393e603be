package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.ActionQueue;
import org.jspecify.annotations.Nullable;

/**
 * A bounded FIFO {@link ActionQueue} run by one worker thread. {@link #offer} never waits for the
 * worker: it takes a short lock to enqueue, and refuses (and counts) when full or closed. An action
 * that throws is counted and logged once; the worker goes on, and every action starts with its
 * thread's interrupt status clear. Any thread may offer; the worker thread ({@code
 * meshos-actions-<name>}) runs the actions; {@link #start} and {@link #close} are called by the
 * runtime's lifecycle, never by the worker.
 */
public final class BoundedActionQueue implements ActionQueue {
  private static final System.Logger LOG = System.getLogger(BoundedActionQueue.class.getName());

  private final String name;
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private volatile @Nullable Thread worker;
  private final AtomicLong run = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  @GuardedBy("lock")
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();

  @GuardedBy("lock")
  private boolean closed;

  @GuardedBy("lock")
  private boolean abandoned;

  /**
   * @param threadName the worker thread's name
   * @param capacity the most actions queued at once, positive
   */
  public BoundedActionQueue(String threadName, int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.name = requireNonNull(threadName, "threadName");
  }

  /** Starts the worker thread; once. */
  public void start() {
    Thread thread = new Thread(this::work, name);
    thread.setDaemon(true);
    worker = thread;
    thread.start();
  }

  /** True if called on the worker thread (an action runs on the caller). */
  public boolean isWorkerThread() {
    return Thread.currentThread() == worker;
  }

  @Override
  public boolean offer(Runnable action) {
    requireNonNull(action, "action");
    lock.lock();
    try {
      if (closed || queue.size() >= capacity) {
        dropped.incrementAndGet();
        ActionDroppedEvent event = new ActionDroppedEvent();
        if (event.shouldCommit()) {
          event.queue = name;
          event.reason = closed ? "closed" : "full";
          event.commit();
        }
        return false;
      }
      queue.addLast(action);
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Actions run to completion. */
  public long run() {
    return run.get();
  }

  /** Actions refused because the queue was full or closed. */
  public long dropped() {
    return dropped.get();
  }

  /** Actions that threw. */
  public long failed() {
    return failed.get();
  }

  /**
   * Stops accepting actions, lets the worker run what is queued for up to {@code timeoutNanos},
   * then discards the rest, which never run: on return, the count is final. A queue whose worker
   * was never started discards everything queued at once. Must not be called by the worker.
   *
   * @param timeoutNanos the longest wait for the queued actions
   * @return the number of queued actions discarded
   */
  public int close(long timeoutNanos) {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
    Thread thread = worker;
    if (thread != null) {
      BoundedWait.join(thread, timeoutNanos);
    }
    lock.lock();
    try {
      int left = queue.size();
      queue.clear();
      abandoned = true;
      return left;
    } finally {
      lock.unlock();
    }
  }

  private void work() {
    while (true) {
      Runnable action;
      lock.lock();
      try {
        while (queue.isEmpty() && !closed) {
          notEmpty.awaitUninterruptibly();
        }
        if (abandoned || queue.isEmpty()) {
          return;
        }
        action = queue.pollFirst();
      } finally {
        lock.unlock();
      }
      Thread.interrupted(); // an interrupt meant for an earlier action must not reach this one
      try {
        action.run();
        run.incrementAndGet();
      } catch (Throwable t) {
        failed.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, () -> "action " + action + " failed", t);
      }
    }
  }
}
