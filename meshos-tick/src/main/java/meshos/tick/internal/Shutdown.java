package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The termination of a runtime, run once by the thread that {@linkplain
 * Lifecycle#claimTermination() claimed} it: an outside closer, the tick thread when its loop ends,
 * the thread ending a manual tick or {@code start()} during which the stop was requested, or a
 * {@code meshos-stop-<name>} thread when an action asked for the stop. Two waits, each bounded by
 * the shutdown timeout on its own: first the tick (or the start) in flight, then the queued
 * actions; the actions still queued after that are abandoned and counted, then the runtime's
 * threads are ended and the state becomes TERMINATED.
 */
public final class Shutdown {
  /** Slack on top of the terminator's own bounded waits for a closer waiting for it. */
  private static final long WAIT_SLACK_NANOS = 10_000_000_000L;

  /** How long the tick thread may take to end once the tick in flight is over. */
  private static final long JOIN_GRACE_NANOS = 100_000_000L;

  private final RuntimeConfig config;
  private final Lifecycle lifecycle;
  private final ReentrantLock gate;
  private final @Nullable TickLoop loop;
  private final TickWatchdog watchdog;
  private final BoundedActionQueue actions;
  private final RuntimeCounters counters;
  private final RuntimeLog log;

  /**
   * @param config the runtime's configuration
   * @param lifecycle its state machine
   * @param gate held by the tick (or the start) in flight
   * @param loop its tick loop; null with manual ticks
   * @param watchdog its overrun sampler
   * @param actions its action queue
   * @param counters its counters
   * @param log its log
   */
  public Shutdown(RuntimeConfig config, Lifecycle lifecycle, ReentrantLock gate,
      @Nullable TickLoop loop, TickWatchdog watchdog, BoundedActionQueue actions,
      RuntimeCounters counters, RuntimeLog log) {
    this.config = requireNonNull(config, "config");
    this.lifecycle = requireNonNull(lifecycle, "lifecycle");
    this.gate = requireNonNull(gate, "gate");
    this.loop = loop;
    this.watchdog = requireNonNull(watchdog, "watchdog");
    this.actions = requireNonNull(actions, "actions");
    this.counters = requireNonNull(counters, "counters");
    this.log = requireNonNull(log, "log");
  }

  /**
   * After a stop was requested: terminates the runtime on the calling thread if no other thread
   * claimed that; else, if {@code wait}, waits (bounded) until it is terminated.
   *
   * @param wait whether to wait for another thread's termination
   */
  public void finish(boolean wait) {
    if (lifecycle.claimTermination()) {
      terminate();
    } else if (wait) {
      awaitTerminated();
    }
  }

  /** Waits until another thread has terminated the runtime, bounded by its own waits. */
  public void awaitTerminated() {
    long timeout = config.shutdownTimeoutNanos();
    long bound = BoundedWait.saturatedAdd(BoundedWait.saturatedAdd(timeout, timeout),
        BoundedWait.saturatedAdd(timeout, WAIT_SLACK_NANOS));
    if (!lifecycle.awaitTerminated(bound)) {
      log.log(System.Logger.Level.ERROR, () -> "runtime '" + config.name()
          + "': close() gave up waiting for the termination", null);
    }
  }

  /** Finishes the stop on a new thread, for a closer that must not wait (an action). */
  public void finishOnOwnThread() {
    RuntimeLog.daemon(() -> finish(false), "meshos-stop-" + config.name()).start();
  }

  /** Runs the termination; only by the thread that claimed it. */
  private void terminate() {
    long timeout = config.shutdownTimeoutNanos();
    if (!awaitTickInFlight(timeout)) {
      log.log(System.Logger.Level.WARNING, () -> "runtime '" + config.name()
          + "': the tick in flight did not end within " + config.shutdownTimeout()
          + "; it finishes on its own and no tick follows it", null);
    }
    watchdog.stop(timeout);
    int abandoned = actions.close(timeout);
    counters.actionsAbandoned(abandoned);
    long ticks = counters.ticks();
    log.log(abandoned == 0 ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
        () -> "runtime '" + config.name() + "' terminated after " + ticks + " tick(s)"
            + (abandoned == 0 ? "" : "; " + abandoned + " queued action(s) abandoned"), null);
    log.stop(timeout);
    lifecycle.terminated();
  }

  /** The first wait: the tick (or start) in flight ends, and the tick thread with it. */
  private boolean awaitTickInFlight(long timeout) {
    long start = System.nanoTime();
    if (loop != null) {
      loop.wake();
    }
    if (!gate.isHeldByCurrentThread()) {
      if (!BoundedWait.lock(gate, timeout)) {
        return false;
      }
      gate.unlock(); // a stop was requested: no tick starts after this
    }
    Thread tickThread = loop == null ? null : loop.thread();
    if (tickThread != null) { // it has seen the stop and is ending: a short grace at most
      long left = Math.max(0, timeout - (System.nanoTime() - start));
      BoundedWait.join(tickThread, Math.max(left, Math.min(timeout, JOIN_GRACE_NANOS)));
    }
    return true;
  }
}
