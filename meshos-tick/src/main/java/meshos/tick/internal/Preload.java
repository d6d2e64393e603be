package meshos.tick.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeReadings;

/**
 * Loads and initialises, at {@code start()}, what the first tick would otherwise initialise
 * lazily: the JFR event classes (whose first use sets up JFR's machinery, ~100 ms), the report
 * classes, the clocks. So the first tick is on time. Called on the thread calling {@code start()};
 * stateless.
 */
final class Preload {
  private static final int[] NO_SLOTS = new int[0];

  private Preload() {}

  static void warmUp(TickPipeline.ReportFactory reports) {
    new TickEvent().shouldCommit();
    new EvictionEvent().shouldCommit();
    new ActionDroppedEvent().shouldCommit();
    PeerSnapshot.empty().advance(0, ProbeReadings.none());
    var unusedSupervised = TickHooks.Supervised.NONE.restarted(); // read by every tick
    var unusedOutcomes = Supervisor.Outcome.values(); // by every eviction
    var unused = reports.create(0, Instant.now(), Duration.ofNanos(System.nanoTime() & 1), Duration.ZERO, 0,
        NO_SLOTS, List.of(), List.of(), false, List.of(), List.of(), List.of()).toString();
  }
}
