package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.ActionQueue;

/**
 * A bounded FIFO {@link ActionQueue} run by one worker thread. {@link #offer} never waits for the
 * worker: it takes a short lock to enqueue, and refuses (and counts) when full or closed. An action
 * that throws is counted and logged once; the worker goes on.
 */
public final class BoundedActionQueue implements ActionQueue {
  private static final System.Logger LOG = System.getLogger(BoundedActionQueue.class.getName());

  private final String name;
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Thread worker;
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
    this.worker = new Thread(this::work, name);
    this.worker.setDaemon(true);
  }

  /** Starts the worker thread. */
  public void start() {
    worker.start();
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

  /** True if called on the worker thread. */
  private boolean isWorkerThread() {
    return Thread.currentThread() == worker;
  }

  /**
   * Stops accepting actions, lets the worker run what is queued for up to {@code timeout}, then
   * discards the rest. Called from the worker itself, it only stops accepting: the worker drains
   * the queue after the current action.
   *
   * @return the number of queued actions discarded
   */
  public int close(Duration timeout) {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
    if (isWorkerThread() || !worker.isAlive()) {
      return 0;
    }
    boolean interrupted = false;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (worker.isAlive()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        TimeUnit.NANOSECONDS.timedJoin(worker, left);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
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
      try {
        action.run();
        run.incrementAndGet();
      } catch (Throwable t) {
        failed.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, () -> "action " + action + " failed", t);
      }
      Thread.interrupted(); // an action's interrupt must not leak into the next one
    }
  }
}
