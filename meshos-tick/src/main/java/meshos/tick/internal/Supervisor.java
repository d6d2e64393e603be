package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import meshos.api.RecoveryHandler;
import meshos.tick.QuarantinedHandler;
import meshos.tick.Supervision;
import org.jspecify.annotations.Nullable;

/**
 * Applies a runtime's {@link meshos.tick.Supervision} policy: decides what becomes of each evicted
 * handler, keeps the quarantine (keyed by handler identity), and re-registers quarantined handlers
 * when their backoff has ended.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Backoff: {@code min} doubled once per consecutive eviction before this one, at most {@code
 *       max}. A handler evicted at least {@code max} after its last restart starts again from
 *       {@code min}.
 *   <li>Restart window: a restart counts for {@code window} after it happened. A handler evicted
 *       while {@code maxRestarts} restarts count is given up; so is one that threw a fatal error
 *       ({@link Throwables#isFatal}).
 *   <li>A handler unregistered through {@link #unregister} during a tick is never quarantined by an
 *       eviction reported in that tick (its call may have been running, and then failed).
 *   <li>One instance registered twice has one quarantine: a second eviction while it is quarantined
 *       counts as an eviction but leaves the restart as it was.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * <p>{@link #restartDue}, {@link #onEviction} and {@link #tickEnded} are called by the thread
 * running the tick; {@link #unregister}, {@link #cancel}, {@link #snapshot}, {@link #quarantined}
 * and {@link #close} from any thread. One lock guards the state; it is held while the runtime's
 * registry is called (register, unregister: short, and never calling back here), never while a
 * handler runs. Nothing is locked or allocated with {@link #evicting()}; with a restarting policy a
 * tick takes the lock twice, and allocates only when a handler is evicted or restarted.
 */
public final class Supervisor {
  /** What became of an evicted handler; the JFR field {@code outcome} of {@code meshos.Eviction}. */
  public enum Outcome {
    /** Removed for good by the {@code evict()} policy, or after {@link #close()}. */
    EVICTED,
    /** Quarantined: it will be re-registered once its backoff has ended. */
    QUARANTINED,
    /** Removed for good by a restarting policy: too many restarts, or a fatal error. */
    GIVEN_UP
  }

  private final boolean restarting;
  private final long minNanos;
  private final long maxNanos;
  private final int maxRestarts;
  private final long windowNanos;
  /** How long after its last restart a handler's history stops mattering. */
  private final long forgetAfterNanos;

  private final ReentrantLock lock = new ReentrantLock();

  @GuardedBy("lock")
  private final IdentityHashMap<RecoveryHandler, SupervisorEntry> entries =
      new IdentityHashMap<>();

  @GuardedBy("lock")
  private final Set<RecoveryHandler> unregisteredThisTick =
      Collections.newSetFromMap(new IdentityHashMap<>());

  @GuardedBy("lock")
  private boolean inTick;

  @GuardedBy("lock")
  private boolean closed;

  @GuardedBy("lock")
  private long nextSeq;

  private Supervisor(boolean restarting, long minNanos, long maxNanos, int maxRestarts,
      long windowNanos) {
    this.restarting = restarting;
    this.minNanos = minNanos;
    this.maxNanos = maxNanos;
    this.maxRestarts = maxRestarts;
    this.windowNanos = windowNanos;
    this.forgetAfterNanos = limited() ? Math.max(maxNanos, windowNanos) : maxNanos;
  }

  /**
   * A supervisor applying {@code policy}; one per runtime.
   *
   * @param policy the policy
   * @return the supervisor
   */
  public static Supervisor of(Supervision policy) {
    if (!policy.restarts()) {
      return evicting();
    }
    return restarting(policy.minBackoff().toNanos(), policy.maxBackoff().toNanos(),
        policy.maxRestarts(), policy.restartWindow().toNanos());
  }

  /**
   * A supervisor for the {@code evict()} policy: every eviction is {@link Outcome#EVICTED}.
   *
   * @return the supervisor
   */
  public static Supervisor evicting() {
    return new Supervisor(false, 0, 0, 0, 0);
  }

  /**
   * A supervisor for {@code restartWithBackoff(min, max).maxRestarts(maxRestarts, window)}.
   *
   * @param minNanos the first backoff, positive
   * @param maxNanos the longest backoff, at least {@code minNanos}, at most {@code Long.MAX_VALUE / 2}
   * @param maxRestarts restarts allowed within the window; {@link Integer#MAX_VALUE} for no limit
   * @param windowNanos the restart window, positive, at most {@code Long.MAX_VALUE / 2}
   * @return the supervisor
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Supervisor restarting(long minNanos, long maxNanos, int maxRestarts,
      long windowNanos) {
    long longest = Long.MAX_VALUE / 2;
    if (minNanos <= 0 || maxNanos < minNanos || maxNanos > longest) {
      throw new IllegalArgumentException("backoff out of range: " + minNanos + ".." + maxNanos);
    }
    if (maxRestarts < 0 || windowNanos <= 0 || windowNanos > longest) {
      throw new IllegalArgumentException(
          "restart limit out of range: " + maxRestarts + " in " + windowNanos + " ns");
    }
    return new Supervisor(true, minNanos, maxNanos, maxRestarts, windowNanos);
  }

  /**
   * Whether this supervisor ever restarts a handler.
   *
   * @return false for {@link #evicting()}
   */
  public boolean restarts() {
    return restarting;
  }

  /**
   * Starts a tick: re-registers, with {@code register}, every quarantined handler whose backoff has
   * ended by {@code nowNanos}, in the order they were quarantined. Called by the thread running the
   * tick, before its pass. After {@link #close()} it restarts nothing.
   *
   * @param nowNanos the tick's start on the runtime's clock
   * @param register registers one handler in the runtime's registry; if it throws, that handler and
   *     the later ones stay quarantined (retried at the next tick) and the exception propagates
   * @return the names of the handlers restarted, in order; an empty shared list when none was
   */
  public List<String> restartDue(long nowNanos, Consumer<RecoveryHandler> register) {
    if (!restarting) {
      return List.of();
    }
    List<SupervisorEntry> due = null;
    lock.lock();
    try {
      inTick = true;
      if (closed || entries.isEmpty()) {
        return List.of();
      }
      for (Iterator<SupervisorEntry> it = entries.values().iterator(); it.hasNext(); ) {
        SupervisorEntry e = it.next();
        if (e.quarantined) {
          if (nowNanos - e.nextAttemptNanos >= 0) {
            if (due == null) {
              due = new ArrayList<>(2);
            }
            due.add(e);
          }
        } else if (nowNanos - e.lastRestartNanos >= forgetAfterNanos) {
          it.remove(); // ran long enough since its restart: a new eviction starts from scratch
        }
      }
      if (due == null) {
        return List.of();
      }
      due.sort(Comparator.comparingLong(e -> e.seq));
      List<String> names = new ArrayList<>(due.size());
      for (SupervisorEntry e : due) {
        register.accept(e.handler);
        e.restarted(nowNanos, limited() ? maxRestarts : 0);
        names.add(e.name);
      }
      return Collections.unmodifiableList(names);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends a tick (called by the thread running it, also after a failed tick).
   */
  public void tickEnded() {
    if (!restarting) {
      return;
    }
    lock.lock();
    try {
      inTick = false;
      unregisteredThisTick.clear();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Decides what becomes of a handler the registry has just evicted, and quarantines it if it is to
   * be restarted. Called by the thread running the tick, once per eviction.
   *
   * @param handler the evicted handler
   * @param name its name, for reports
   * @param cause why it was evicted
   * @param nowNanos the runtime's clock now
   * @return the outcome
   */
  public Outcome onEviction(RecoveryHandler handler, String name, Throwable cause, long nowNanos) {
    requireNonNull(handler, "handler");
    requireNonNull(name, "name");
    requireNonNull(cause, "cause");
    if (!restarting) {
      return Outcome.EVICTED;
    }
    lock.lock();
    try {
      SupervisorEntry e = entries.get(handler);
      if (closed || unregisteredThisTick.contains(handler)) {
        if (e != null && !e.quarantined) {
          entries.remove(handler);
        }
        return Outcome.EVICTED;
      }
      if (Throwables.isFatal(cause)) {
        entries.remove(handler);
        return Outcome.GIVEN_UP;
      }
      if (e == null) {
        e = new SupervisorEntry(handler);
        entries.put(handler, e);
      } else if (e.quarantined) {
        e.evicted(name, cause);
        return Outcome.QUARANTINED;
      } else if (nowNanos - e.lastRestartNanos >= maxNanos) {
        e.evictions = 0;
      }
      if (limited() && e.restartsWithin(nowNanos, windowNanos) >= maxRestarts) {
        entries.remove(handler);
        return Outcome.GIVEN_UP;
      }
      e.evicted(name, cause);
      e.quarantined = true;
      e.nextAttemptNanos = nowNanos + backoffNanos(e.evictions);
      e.seq = nextSeq++;
      return Outcome.QUARANTINED;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Unregisters {@code handler} from the runtime's registry, or else cancels its quarantine,
   * atomically with respect to {@link #restartDue}: a handler is never restarted after this
   * returned {@code true}. During a tick it also stops an eviction reported later in that tick from
   * quarantining the handler (its call may still have been running); so an {@code unregister} that
   * races with the handler's own eviction may return {@code false}, but the handler stays gone.
   *
   * @param handler the handler
   * @param registry the registry's own {@code unregister}
   * @return whether a registration was removed or a quarantine cancelled
   */
  public boolean unregister(RecoveryHandler handler, Predicate<RecoveryHandler> registry) {
    requireNonNull(handler, "handler");
    if (!restarting) {
      return registry.test(handler);
    }
    lock.lock();
    try {
      if (inTick) {
        unregisteredThisTick.add(handler);
      }
      if (registry.test(handler)) {
        SupervisorEntry e = entries.get(handler);
        if (e != null && !e.quarantined) {
          entries.remove(handler);
        }
        return true;
      }
      return cancelLocked(handler);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Cancels the quarantine of {@code handler}: it will not be restarted.
   *
   * @param handler the handler
   * @return whether it was quarantined
   */
  public boolean cancel(RecoveryHandler handler) {
    requireNonNull(handler, "handler");
    if (!restarting) {
      return false;
    }
    lock.lock();
    try {
      return cancelLocked(handler);
    } finally {
      lock.unlock();
    }
  }

  @GuardedBy("lock")
  private boolean cancelLocked(RecoveryHandler handler) {
    SupervisorEntry e = entries.get(handler);
    if (e == null || !e.quarantined) {
      return false;
    }
    entries.remove(handler);
    return true;
  }

  /**
   * The quarantined handlers, in the order they were quarantined.
   *
   * @return a new immutable list
   */
  public List<QuarantinedHandler> snapshot() {
    if (!restarting) {
      return List.of();
    }
    List<SupervisorEntry> quarantined = new ArrayList<>();
    lock.lock();
    try {
      for (SupervisorEntry e : entries.values()) {
        if (e.quarantined) {
          quarantined.add(e);
        }
      }
      quarantined.sort(Comparator.comparingLong(e -> e.seq));
      List<QuarantinedHandler> out = new ArrayList<>(quarantined.size());
      for (SupervisorEntry e : quarantined) {
        out.add(new QuarantinedHandler(e.name, e.evictions, requireNonNull(e.lastCause),
            e.nextAttemptNanos));
      }
      return List.copyOf(out);
    } finally {
      lock.unlock();
    }
  }

  /**
   * How many handlers are quarantined.
   *
   * @return the count
   */
  public int quarantined() {
    if (!restarting) {
      return 0;
    }
    lock.lock();
    try {
      int n = 0;
      for (SupervisorEntry e : entries.values()) {
        if (e.quarantined) {
          n++;
        }
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** Drops the quarantine; from now on nothing is restarted and every eviction is EVICTED. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      entries.clear();
      unregisteredThisTick.clear();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return restarting
        ? "Supervisor[restart " + minNanos + ".." + maxNanos + " ns"
            + (limited() ? ", " + maxRestarts + " in " + windowNanos + " ns" : "") + "]"
        : "Supervisor[evict]";
  }

  private boolean limited() {
    return restarting && maxRestarts != Integer.MAX_VALUE;
  }

  /** {@code min} doubled {@code evictions - 1} times, at most {@code max}. */
  private long backoffNanos(int evictions) {
    long backoff = minNanos;
    for (int i = 1; i < evictions && backoff < maxNanos; i++) {
      backoff = backoff > maxNanos / 2 ? maxNanos : backoff * 2;
    }
    return Math.min(backoff, maxNanos);
  }
}
