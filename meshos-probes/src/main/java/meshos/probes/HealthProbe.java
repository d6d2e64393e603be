package meshos.probes;

import java.util.List;

/**
 * Reports the health of nodes, once per tick. See the probe contract in {@link meshos.probes the package
 * documentation}: called on the tick thread, must complete quickly, a throw skips it for that poll
 * and it is kept.
 */
@FunctionalInterface
public interface HealthProbe {

  /**
   * Takes this tick's samples.
   *
   * @return the samples, possibly empty; for one node, a later sample overrides an earlier one
   */
  List<HealthSample> poll();
}
