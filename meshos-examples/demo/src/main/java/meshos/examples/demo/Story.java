package meshos.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import meshos.probes.HealthProbe;
import meshos.probes.HealthSample;
import meshos.probes.NodeHealth;

/**
 * The scripted cluster: a {@link HealthProbe} whose answers follow the story tick by tick. The
 * replica group of the provider lives on nodes 1, 2, 3; node 4 is a degraded spare.
 *
 * <pre>
 * tick 1-2  nodes 1-3 healthy, node 4 degraded
 * tick 3    node 2 becomes unreachable: slot 1 unhealthy, no healthy spare
 * tick 4    the flaky handler throws and is evicted, then quarantined; it throws once more when
 *           it is restarted, and recovers its slot 7 at its second restart
 * tick 6    node 5 comes up healthy: the replica handler re-places slot 1 onto it
 * tick 7-9  the blocking handler waits for a peer for three intervals, past the tick budget: at the
 *           end of tick 9 it is taken off the tick (and later restarted, by then well-behaved)
 * tick 11   the standby plugin, loaded after tick 10, re-places slot 9; then it is unloaded
 * </pre>
 */
final class Story implements HealthProbe {
  static final int NODE_FAILS = 3;
  static final int FLAKY_THROWS = 4;
  static final int SPARE_COMES_UP = 6;
  static final int FLAKY_SLOT = 7;
  static final int BLOCKS_FROM = 7;
  static final int BLOCKS_UNTIL = 9;
  /** The slot the standby plugin's handler re-places (see HotPlugStep). */
  static final int PLUGIN_SLOT = 9;

  private final AtomicLong polls = new AtomicLong();

  @Override
  public List<HealthSample> poll() {
    long tick = polls.incrementAndGet();
    List<HealthSample> samples = new ArrayList<>();
    samples.add(new HealthSample(1, NodeHealth.HEALTHY));
    samples.add(new HealthSample(2, tick >= NODE_FAILS ? NodeHealth.UNREACHABLE : NodeHealth.HEALTHY));
    samples.add(new HealthSample(3, NodeHealth.HEALTHY));
    samples.add(new HealthSample(4, NodeHealth.DEGRADED));
    if (tick >= SPARE_COMES_UP) {
      samples.add(new HealthSample(5, NodeHealth.HEALTHY));
    }
    return samples;
  }

  /** Whether the blocking handler blocks in {@code tick}. */
  static boolean blocks(long tick) {
    return tick >= BLOCKS_FROM && tick <= BLOCKS_UNTIL;
  }

  /** What the script did in {@code tick}, for the demo's output. */
  static String note(long tick) {
    if (tick == NODE_FAILS) {
      return "node 2 unreachable; spare 4 is degraded: slot 1 stays unhealthy";
    } else if (tick == FLAKY_THROWS) {
      return "the flaky handler throws";
    } else if (tick == SPARE_COMES_UP) {
      return "spare node 5 comes up healthy";
    } else if (blocks(tick)) {
      return "the blocking handler waits for a peer past the budget";
    }
    return "";
  }

  @Override
  public String toString() {
    return "story-health-probe";
  }
}
