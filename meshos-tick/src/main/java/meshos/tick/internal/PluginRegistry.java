package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;

/**
 * The {@link RecoveryRegistry} a plugin's providers get: every call goes to the runtime's
 * registry, and the registrations made through it are recorded so that the unload can remove them.
 * After {@link #close()} it refuses registrations: the plugin is gone.
 *
 * <p>Thread safety: any thread, handlers included. The lock is held only around the delegate's
 * {@code register}/{@code unregister}, which never wait for handlers (registry rule 2).
 */
final class PluginRegistry implements RecoveryRegistry {
  private static final int[] NO_SLOTS = new int[0];

  private final String plugin;
  private final RecoveryRegistry delegate;
  private final ReentrantLock lock = new ReentrantLock();

  /** One entry per registration made through this view and not unregistered through it. */
  @GuardedBy("lock")
  private final List<RecoveryHandler> registered = new ArrayList<>();

  @GuardedBy("lock")
  private boolean closed;

  /**
   * Wraps the runtime's registry for one plugin.
   *
   * @param plugin the plugin's name, for messages
   * @param delegate the runtime's registry
   */
  PluginRegistry(String plugin, RecoveryRegistry delegate) {
    this.plugin = requireNonNull(plugin, "plugin");
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if the plugin has been unloaded
   */
  @Override
  public int register(RecoveryHandler handler) {
    requireNonNull(handler, "handler");
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("plugin '" + plugin + "' is unloaded: cannot register "
            + handler.getClass().getName());
      }
      int size = delegate.register(handler);
      registered.add(handler);
      return size;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean unregister(RecoveryHandler handler) {
    requireNonNull(handler, "handler");
    lock.lock();
    try {
      if (closed) {
        return false; // everything registered through this view is already gone
      }
      boolean removed = delegate.unregister(handler);
      if (removed) {
        forgetEarliest(handler);
      }
      return removed;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public boolean isEmpty() {
    return delegate.isEmpty();
  }

  /** Runs a pass of the runtime's registry, as the context of a start-up provider would. */
  @Override
  public int[] tryRunAll() {
    lock.lock();
    try {
      if (closed) {
        return NO_SLOTS;
      }
    } finally {
      lock.unlock();
    }
    return delegate.tryRunAll();
  }

  /**
   * Refuses further registrations and hands over the recorded ones, forgetting them.
   *
   * @return the registrations made through this view and not unregistered through it, in order
   */
  List<RecoveryHandler> close() {
    lock.lock();
    try {
      closed = true;
      List<RecoveryHandler> all = List.copyOf(registered);
      registered.clear();
      return all;
    } finally {
      lock.unlock();
    }
  }

  @GuardedBy("lock")
  private void forgetEarliest(RecoveryHandler handler) {
    for (int i = 0; i < registered.size(); i++) {
      if (registered.get(i) == handler) {
        registered.remove(i);
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "PluginRegistry[" + plugin + " -> " + delegate + "]";
  }
}
