package meshos.tick.internal;

import java.util.ArrayDeque;
import meshos.api.RecoveryHandler;
import org.jspecify.annotations.Nullable;

/**
 * One handler's supervision history, kept by a {@link Supervisor}: its consecutive evictions, its
 * quarantine, its latest restarts. Not thread-safe: only touched with the supervisor's lock held.
 */
final class SupervisorEntry {
  final RecoveryHandler handler;
  String name = "";
  int evictions;
  @Nullable Throwable lastCause;
  boolean quarantined;
  long nextAttemptNanos;
  long seq;
  long lastRestartNanos;
  /** Times of the latest restarts, oldest first, at most maxRestarts of them. */
  final ArrayDeque<Long> restarts = new ArrayDeque<>(2);

  SupervisorEntry(RecoveryHandler handler) {
    this.handler = handler;
  }

  void evicted(String name, Throwable cause) {
    this.name = name;
    this.lastCause = cause;
    this.evictions = evictions == Integer.MAX_VALUE ? evictions : evictions + 1;
  }

  void restarted(long nowNanos, int keep) {
    quarantined = false;
    lastRestartNanos = nowNanos;
    if (keep > 0) {
      restarts.addLast(nowNanos);
      while (restarts.size() > keep) {
        restarts.removeFirst();
      }
    }
  }

  int restartsWithin(long nowNanos, long windowNanos) {
    while (!restarts.isEmpty() && nowNanos - restarts.peekFirst() >= windowNanos) {
      restarts.removeFirst();
    }
    return restarts.size();
  }
}
