package meshos.tick.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * The one bounded, interrupt-tolerant wait of the runtime: joins, latch and lock waits all go
 * through {@link #await}. An interrupt of the waiting thread does not end the wait early; it is
 * remembered and restored when the wait returns. Timeouts are in real time ({@code
 * System.nanoTime()}): they bound how long a thread is blocked, whatever the runtime's clock says.
 * Any thread; stateless.
 */
public final class BoundedWait {
  private BoundedWait() {}

  /** One attempt at what is waited for, blocking at most the given time. */
  @FunctionalInterface
  public interface Attempt {
    /**
     * Waits at most {@code nanos} (zero: does not block) and tells whether the wait is over.
     *
     * @param nanos the longest this attempt may block, zero or more
     * @return true if what is waited for happened
     * @throws InterruptedException if the thread was interrupted meanwhile
     */
    boolean tryWithin(long nanos) throws InterruptedException;
  }

  /**
   * Repeats {@code attempt} until it succeeds or {@code timeoutNanos} have passed.
   *
   * @param attempt what to wait for
   * @param timeoutNanos the longest wait, zero or more
   * @return true if the attempt succeeded in time
   */
  public static boolean await(Attempt attempt, long timeoutNanos) {
    long start = System.nanoTime();
    boolean interrupted = false;
    try {
      while (true) {
        long left = Math.max(0, timeoutNanos - (System.nanoTime() - start));
        try {
          if (attempt.tryWithin(left)) {
            return true;
          }
          if (left == 0) {
            return false;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Waits for {@code thread} to end; true at once for the calling thread itself or a thread not
   * started.
   *
   * @param thread the thread to join
   * @param timeoutNanos the longest wait
   * @return true if the thread is not alive (or is the caller)
   */
  public static boolean join(Thread thread, long timeoutNanos) {
    if (thread == Thread.currentThread()) {
      return true;
    }
    return await(nanos -> {
      if (nanos > 0) {
        TimeUnit.NANOSECONDS.timedJoin(thread, nanos);
      }
      return !thread.isAlive();
    }, timeoutNanos);
  }

  /**
   * Waits for {@code latch} to reach zero.
   *
   * @param latch the latch
   * @param timeoutNanos the longest wait
   * @return true if it reached zero
   */
  public static boolean await(CountDownLatch latch, long timeoutNanos) {
    return await(nanos -> latch.await(nanos, TimeUnit.NANOSECONDS), timeoutNanos);
  }

  /**
   * Acquires {@code lock}; the caller must unlock it if this returns true.
   *
   * @param lock the lock
   * @param timeoutNanos the longest wait
   * @return true if the lock is now held by the caller
   */
  public static boolean lock(Lock lock, long timeoutNanos) {
    return await(nanos -> lock.tryLock(nanos, TimeUnit.NANOSECONDS), timeoutNanos);
  }

  /**
   * {@code a + b} for non-negative {@code a} and {@code b}, or {@link Long#MAX_VALUE} if it
   * overflows.
   *
   * @param a a non-negative number
   * @param b a non-negative number
   * @return the saturated sum
   */
  public static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
