package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.ActionQueue;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ActionQueue} a plugin's providers get: each accepted action goes to the runtime's
 * queue inside a tag ({@link Tagged}) that this queue tracks until the worker takes it, so that the
 * unload can discard (and count) the plugin's actions still queued. A discarded action is never
 * run, and its tag lets go of it at once: the runtime's queue holds only an empty tag until the
 * worker skips it. After {@link #close()} every offer is refused.
 *
 * <p>Thread safety: any thread. The lock is held around the delegate's {@code offer}, which never
 * blocks, and when the worker takes an action.
 */
final class PluginActions implements ActionQueue {
  private final String plugin;
  private final ActionQueue delegate;
  private final ReentrantLock lock = new ReentrantLock();

  @GuardedBy("lock")
  private final Set<Tagged> queued = Collections.newSetFromMap(new IdentityHashMap<>());

  @GuardedBy("lock")
  private boolean closed;

  /**
   * Wraps the runtime's queue for one plugin.
   *
   * @param plugin the plugin's name, for {@code toString}
   * @param delegate the runtime's action queue
   */
  PluginActions(String plugin, ActionQueue delegate) {
    this.plugin = requireNonNull(plugin, "plugin");
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /**
   * {@inheritDoc}
   *
   * <p>Refused ({@code false}) once the plugin is unloaded.
   */
  @Override
  public boolean offer(Runnable action) {
    requireNonNull(action, "action");
    Tagged tagged = new Tagged(this, action);
    lock.lock();
    try {
      if (closed || !delegate.offer(tagged)) {
        return false;
      }
      queued.add(tagged); // before the worker can take it: taken() needs the lock
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Refuses further offers and discards every action still queued.
   *
   * @return the number of actions discarded; none of them will run
   */
  int close() {
    lock.lock();
    try {
      closed = true;
      int discarded = 0;
      for (Tagged tagged : queued) {
        if (tagged.action.getAndSet(null) != null) {
          discarded++;
        }
      }
      queued.clear();
      return discarded;
    } finally {
      lock.unlock();
    }
  }

  private void taken(Tagged tagged) {
    lock.lock();
    try {
      queued.remove(tagged);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "PluginActions[" + plugin + "]";
  }

  /** A plugin's action as the runtime's queue holds it; runs it at most once, unless discarded. */
  private static final class Tagged implements Runnable {
    private final PluginActions owner;
    private final AtomicReference<@Nullable Runnable> action;

    Tagged(PluginActions owner, Runnable action) {
      this.owner = owner;
      this.action = new AtomicReference<>(action);
    }

    @Override
    public void run() {
      Runnable a = action.getAndSet(null); // exactly one of run() and close() gets it
      if (a != null) {
        owner.taken(this);
        a.run();
      }
    }

    @Override
    public String toString() {
      return "action of plugin '" + owner.plugin + "'";
    }
  }
}
