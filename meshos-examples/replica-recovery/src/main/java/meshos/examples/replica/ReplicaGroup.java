package meshos.examples.replica;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * A replica group: slot {@code i} is hosted on node {@code nodeOf(i)} and is healthy or not; the
 * term counts successful recoveries. Confined to one thread (the tick thread) at a time.
 *
 * <p>This is the X-13 scenario of the original: a node fails, its slot is marked unhealthy and
 * placement is tried; with no healthy spare it stays unhealthy, and nothing ever retried it. Here
 * {@link #tryRecover} is called every tick by the group's recovery handler.
 */
final class ReplicaGroup {
  /** At most this many slots are re-placed per call, so that one group cannot hog a tick. */
  static final int MAX_RECOVERIES_PER_CALL = 4;
  private static final int[] NONE = new int[0];

  private final String name;
  private final long[] nodes;
  private final boolean[] healthy;
  private int unhealthy;
  private long term;

  ReplicaGroup(String name, long... nodes) {
    if (nodes.length == 0) {
      throw new IllegalArgumentException("a group needs at least one slot");
    }
    this.name = name;
    this.nodes = nodes.clone();
    this.healthy = new boolean[nodes.length];
    Arrays.fill(healthy, true);
  }

  String name() {
    return name;
  }

  int size() {
    return nodes.length;
  }

  long nodeOf(int slot) {
    return nodes[slot];
  }

  boolean isHealthy(int slot) {
    return healthy[slot];
  }

  int unhealthyCount() {
    return unhealthy;
  }

  long term() {
    return term;
  }

  /** Marks unhealthy every healthy slot whose node {@code failed} says has failed. */
  void markFailed(LongPredicate failed) {
    for (int slot = 0; slot < nodes.length; slot++) {
      if (healthy[slot] && failed.test(nodes[slot])) {
        healthy[slot] = false;
        unhealthy++;
      }
    }
  }

  /**
   * Re-places up to {@link #MAX_RECOVERIES_PER_CALL} unhealthy slots, lowest index first, each
   * onto a distinct node of {@code healthyNodes} that hosts no healthy member of this group. The
   * term goes up by one if anything was recovered.
   *
   * @param healthyNodes candidate nodes in preference order (ascending node id here)
   * @return the recovered slots in ascending order; empty (and no allocation) if none
   */
  int[] tryRecover(long[] healthyNodes) {
    if (unhealthy == 0) {
      return NONE;
    }
    int[] recovered = new int[Math.min(unhealthy, MAX_RECOVERIES_PER_CALL)];
    int count = 0;
    int candidate = 0;
    for (int slot = 0; slot < nodes.length && count < recovered.length; slot++) {
      if (healthy[slot]) {
        continue;
      }
      while (candidate < healthyNodes.length && hostsHealthyMember(healthyNodes[candidate])) {
        candidate++;
      }
      if (candidate == healthyNodes.length) {
        break; // no spare left: the rest stays unhealthy until a later call
      }
      nodes[slot] = healthyNodes[candidate++];
      healthy[slot] = true;
      unhealthy--;
      recovered[count++] = slot;
    }
    if (count == 0) {
      return NONE;
    }
    term++;
    return count == recovered.length ? recovered : Arrays.copyOf(recovered, count);
  }

  private boolean hostsHealthyMember(long node) {
    for (int slot = 0; slot < nodes.length; slot++) {
      if (healthy[slot] && nodes[slot] == node) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name).append("{term=").append(term).append(", slots=[");
    for (int slot = 0; slot < nodes.length; slot++) {
      s.append(slot == 0 ? "" : ", ").append(slot).append("@").append(nodes[slot])
          .append(healthy[slot] ? "" : "!");
    }
    return s.append("]}").toString();
  }
}
