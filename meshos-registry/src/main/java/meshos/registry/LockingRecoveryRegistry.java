package meshos.registry;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RecoveryRegistry} that holds a {@link ReentrantLock} only to swap its handler array out
 * at the start of a pass and to merge the survivors back at its end, never while a handler runs.
 *
 * <p>It implements every rule of {@link RecoveryRegistry}: registration order, no waiting for
 * handlers, handlers registered during a pass run from the next pass, true counts during a pass, one
 * pass at a time, and failure isolation. A handler that throws, returns {@code null} or returns a
 * negative index is evicted and reported to the {@link EvictionListener} after the merge, outside
 * the lock.
 *
 * <h2>Unregistering during a pass</h2>
 *
 * <p>{@link #unregister} replaces the pass's entry with a tombstone, so the merge does not bring it
 * back and no pass that starts after {@code unregister} returned {@code true} runs it. The pass in
 * progress invokes it at most once more, and only if it had already dispatched that call when
 * {@code unregister} returned: the tombstone is written with release semantics and the pass reads
 * each entry with acquire semantics just before its call, so a removal made by another thread
 * that has returned is seen; one that lands between that read and the call cannot stop the call
 * (nor can one that lands while it runs). Called from inside a handler of the pass, {@code
 * unregister} always takes effect before the pass reaches the removed entry. The tombstone is a
 * no-op handler that the pass calls like the others and that counts its calls as skips, so that
 * the loop needs no null check.
 *
 * <h2>Naming the call in progress</h2>
 *
 * <p>{@link #markRunningCall} lets a watchdog that has seen a pass run over its budget learn which
 * handler <em>instance</em> is running. Passes check for marks only once {@link #enableCallMarks}
 * was called (overrun enforcement does): such a pass reads one volatile counter after each call,
 * which a mark bumps, and on seeing the bump reports the handler of the call that has just
 * returned, which it still holds, so a handler that unregistered itself during the call is named
 * all the same.
 *
 * <h2>Cost</h2>
 *
 * <p>A pass takes the lock twice regardless of the number of handlers, and none per handler unless
 * one is evicted. Per handler it adds nothing to the call but the acquire read of the entry (on
 * x86 an ordinary load) and the result's emptiness check; with marks enabled, one volatile read
 * more. In the steady state (no registrations, removals or evictions during the pass) the swap and
 * the merge are constant-time and a pass in which no handler recovers anything allocates nothing:
 * the two handler buffers and the slot buffer are reused.
 *
 * <h2>Memory consistency</h2>
 *
 * <p>Actions in a thread prior to {@code register(h)} happen-before {@code h.recover()} in any
 * later pass. Everything a pass does, its handlers included, happens-before anything that follows a
 * later acquisition of the registry (another pass, {@code register}, {@code size} ...) that
 * observes its outcome.
 */
public final class LockingRecoveryRegistry implements RecoveryRegistry {
  private static final int INITIAL_CAPACITY = 8;
  private static final VarHandle ENTRY =
      MethodHandles.arrayElementVarHandle(RecoveryHandler[].class);

  private final ReentrantLock lock = new ReentrantLock();
  private final EvictionListener listener;

  /** Outside a pass: every registered handler. During a pass: those registered since it began. */
  @GuardedBy("lock")
  private RecoveryHandler[] registered = new RecoveryHandler[INITIAL_CAPACITY];

  @GuardedBy("lock")
  private int registeredCount;

  /**
   * During a pass: the pass's handlers, a removed entry replaced by {@link #tombstone}. Outside a
   * pass: the spare buffer, all nulls, that becomes {@link #registered} at the next swap.
   */
  @GuardedBy("lock")
  private RecoveryHandler[] running = new RecoveryHandler[INITIAL_CAPACITY];

  @GuardedBy("lock")
  private int runningCount;

  /** Entries of {@link #running} that are not tombstones. */
  @GuardedBy("lock")
  private int runningLive;

  @GuardedBy("lock")
  private boolean passInProgress;

  /** Bumped at the start of every pass, so that {@link #unregister} can tell passes apart. */
  @GuardedBy("lock")
  private int passNumber;

  /** Handler calls of every pass ended so far; bumped under the lock at each pass's end. */
  private volatile long calls;

  /** The marks of {@link #markRunningCall}; touched under the lock, except by the pass. */
  private final CallMark mark = new CallMark();

  /** Evictions of the pass in progress, reported after its merge; null when there are none. */
  @GuardedBy("lock")
  private @Nullable List<Evictions.Eviction> evictions;

  /** What a removal leaves in {@link #running} during a pass; see {@link Tombstone}. */
  private final Tombstone tombstone = new Tombstone();

  /** The loop of the pass in progress; only the thread running the pass touches it. */
  private final PassLoop loop = new PassLoop(tombstone, mark);

  /**
   * Creates a registry that logs each eviction as one {@code WARNING} through {@link
   * System.Logger}.
   */
  public LockingRecoveryRegistry() {
    this(Evictions::log);
  }

  /**
   * Creates a registry that reports each eviction to {@code listener}, and does not log it itself.
   *
   * @param listener told about every evicted handler, after the pass's merge, outside the lock
   * @throws NullPointerException if {@code listener} is null
   */
  public LockingRecoveryRegistry(EvictionListener listener) {
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public int register(RecoveryHandler handler) {
    requireNonNull(handler, "handler");
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      if (registeredCount == registered.length) {
        registered = HandlerArrays.grown(registered, registeredCount + 1);
      }
      registered[registeredCount++] = handler;
      return runningLive + registeredCount;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean unregister(RecoveryHandler handler) {
    requireNonNull(handler, "handler");
    RecoveryHandler[] batch;
    int count;
    int pass;
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      if (!passInProgress) {
        return removeLocked(handler, 0);
      }
      batch = running;
      count = runningCount;
      pass = passNumber;
    } finally {
      lock.unlock();
    }
    // Until the pass ends, its entries only ever change from a handler to the tombstone, so the
    // search for the earliest entry runs outside the lock and the critical sections stay short.
    int at = HandlerArrays.indexOf(batch, 0, count, handler);
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      if (passInProgress && passNumber == pass) {
        // No entry before `at` can be the handler; from `at` on, look again (it may be gone).
        return removeLocked(handler, at < 0 ? count : at);
      }
      return removeLocked(handler, 0); // the pass ended meanwhile
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes the earliest registration of {@code handler}: in the pass's batch from index {@code
   * from} on (a tombstone), else among the handlers registered since (a shift).
   */
  @GuardedBy("lock")
  private boolean removeLocked(RecoveryHandler handler, int from) {
    if (passInProgress) {
      int at = HandlerArrays.indexOf(running, from, runningCount, handler);
      if (at >= 0) {
        ENTRY.setRelease(running, at, tombstone); // see "Unregistering during a pass"
        runningLive--;
        return true;
      }
    }
    RecoveryHandler[] all = registered;
    int at = HandlerArrays.indexOf(all, 0, registeredCount, handler);
    if (at < 0) {
      return false;
    }
    System.arraycopy(all, at + 1, all, at, registeredCount - at - 1);
    all[--registeredCount] = null;
    return true;
  }

  /**
   * The number of handler calls made by every pass that has ended, including a pass ended by a
   * rethrown {@link VirtualMachineError} (the call that threw counts). A handler skipped because
   * it was unregistered during the pass is not counted. Any thread; never waits for a pass. The
   * difference of two reads taken around a {@link #tryRunAll()} is that pass's number of calls
   * when no other thread runs passes meanwhile.
   *
   * @return handler calls so far
   */
  public long handlerCalls() {
    return calls;
  }

  /**
   * Asks the pass in progress to name the handler whose call is running now: once the first call of
   * the pass to return after this mark has returned, {@code whenReturned} is called with that
   * call's handler, on the thread running the pass, before the pass invokes its next handler (or
   * ends). That is the running call's handler when a call is running, as when a watchdog marks an
   * overrunning pass; a handler that unregistered itself or was evicted during that call is named all
   * the same (a fatal error that ends the pass reports nothing). Several marks before one call
   * returns are reported once, to the latest. A mark that no call of the pass returns after is
   * dropped when the pass ends. Does nothing, and returns {@code false}, when no pass is in
   * progress or the pass in progress does not check for marks (it began before {@link
   * #enableCallMarks} was first called).
   *
   * <p>Meant for a watchdog thread that has seen a pass run over its budget: it costs a pass nothing
   * unless a mark is made, and tells apart two instances of one class, which a stack sample cannot.
   * May be called from any thread, also from a handler (the handler then names itself once it
   * returns). {@code whenReturned} should be quick and should not throw; an exception it throws is
   * logged as a {@code WARNING} and the pass goes on.
   *
   * @param whenReturned told the handler whose call was marked, once that call returns
   * @return whether a pass that checks for marks was in progress
   * @throws NullPointerException if {@code whenReturned} is null
   */
  public boolean markRunningCall(Consumer<? super RecoveryHandler> whenReturned) {
    requireNonNull(whenReturned, "whenReturned");
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      return passInProgress && mark.request(whenReturned);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes every pass that starts from now on check for {@link #markRunningCall marks}, at the cost
   * of one volatile read per handler call. Overrun enforcement enables it on the runtime's registry;
   * a registry nobody marks should not. Idempotent; may be called from any thread, also from a
   * handler (the pass in progress is unchanged); never waits for a pass.
   */
  public void enableCallMarks() {
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      mark.enable();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int size() {
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      return runningLive + registeredCount;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Must not be called with this registry's lock held by another pass; it never is, since the
   * lock is private.
   */
  @Override
  public int[] tryRunAll() {
    RecoveryHandler[] batch;
    int count;
    boolean checkMarks;
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      if (passInProgress || registeredCount == 0) {
        return SlotBuffer.none();
      }
      batch = registered;
      count = registeredCount;
      registered = running;
      registeredCount = 0;
      running = batch;
      runningCount = count;
      runningLive = count;
      passInProgress = true;
      checkMarks = mark.beginPass();
      passNumber++;
    } finally {
      lock.unlock();
    }

    try {
      return loop.run(this, batch, count, checkMarks);
    } finally {
      endPass();
    }
  }

  /** Merges the survivors back, then reports the pass's evictions outside the lock. */
  @SuppressWarnings("NonAtomicVolatileUpdate") // calls is only ever written under the lock
  private void endPass() {
    @Nullable List<Evictions.Eviction> evicted;
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      calls += loop.takeCalls();
      mergeLocked();
      mark.clear();
      evicted = evictions;
      evictions = null;
    } finally {
      lock.unlock();
    }
    if (evicted != null) {
      Evictions.report(listener, evicted);
    }
  }

  /**
   * A snapshot of the registered handlers, in the order the next pass would run them (a handler
   * registered twice appears twice): during a pass, those of the pass not unregistered or evicted
   * so far, then those registered since it began. For diagnostics (a plugin's leak report), not for
   * the tick path: it copies under the lock, O(size). Any thread, also a handler; never waits for a
   * pass.
   *
   * @return the handlers, an immutable list
   */
  public List<RecoveryHandler> handlers() {
    List<RecoveryHandler> all = new ArrayList<>();
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      if (passInProgress) {
        HandlerArrays.addLive(running, runningCount, tombstone, all);
      }
      HandlerArrays.addLive(registered, registeredCount, tombstone, all);
    } finally {
      lock.unlock();
    }
    return Collections.unmodifiableList(all);
  }

  @Override
  public String toString() {
    return "LockingRecoveryRegistry[size=" + size() + "]";
  }

  /**
   * Removes the pass's entry {@code index} unless it was unregistered meanwhile, and records why;
   * called by {@link PassLoop} on the thread running the pass.
   */
  void evict(RecoveryHandler[] batch, int index, RecoveryHandler handler, Throwable cause) {
    LockSpin.whileHeld(lock);
    lock.lock();
    try {
      if (batch[index] == handler) {
        batch[index] = tombstone;
        runningLive--;
      }
      evictions = Evictions.add(evictions, handler, cause);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the pass: the survivors of {@link #running} in order, then {@link #registered}, become the
   * registered handlers; the other buffer becomes the spare. Constant-time when nothing was
   * registered, unregistered or evicted during the pass.
   */
  @GuardedBy("lock")
  private void mergeLocked() {
    RecoveryHandler[] merged =
        HandlerArrays.merged(
            running, runningCount, runningLive, tombstone, registered, registeredCount);
    running = registered;
    registered = merged;
    registeredCount += runningLive;
    runningCount = 0;
    runningLive = 0;
    passInProgress = false;
  }
}
