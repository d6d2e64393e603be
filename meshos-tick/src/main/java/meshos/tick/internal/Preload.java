package meshos.tick.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import meshos.api.RecoveryHandler;
import meshos.probes.PeerSnapshot;
import meshos.probes.ProbeReadings;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.HandlerEviction;
import org.jspecify.annotations.Nullable;

/**
 * Loads and initialises, at {@code start()}, what the first tick would otherwise initialise
 * lazily: the JFR event classes (whose first use sets up JFR's machinery, ~100 ms), the report
 * classes, the clocks, and the path of a tick that evicts a handler (the registry's eviction,
 * the recorder, the eviction's log record), which it runs once on scratch objects that report to
 * nobody. So the first tick, and the first tick that evicts, are on time. Called on the thread
 * calling {@code start()}; stateless.
 */
final class Preload {
  private static final int[] NO_SLOTS = new int[0];

  private Preload() {}

  static void warmUp(RuntimeConfig config, TickPipeline.ReportFactory reports) {
    new TickEvent().shouldCommit();
    new EvictionEvent().shouldCommit();
    new ActionDroppedEvent().shouldCommit();
    PeerSnapshot.empty().advance(0, ProbeReadings.none());
    var unusedSupervised = TickHooks.Supervised.NONE.restarted(); // read by every tick
    var unused = reports.create(0, Instant.now(), Duration.ofNanos(System.nanoTime() & 1), Duration.ZERO, 0,
        NO_SLOTS, List.of(), List.of(), false, List.of(), List.of(), List.of()).toString();
    evictOnce(config);
  }

  /** One pass that evicts a handler, through scratch objects: nothing is counted or logged. */
  private static void evictOnce(RuntimeConfig config) {
    RuntimeLog nowhere = new RuntimeLog(Discard.INSTANCE, config.name());
    nowhere.stop(0); // no thread: records are built on the caller, then dropped
    TickReporter reporter = new TickReporter(config, new RuntimeCounters(), nowhere);
    EvictionRecorder recorder = new EvictionRecorder(new HandlerNames(), eviction -> { });
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry(recorder);
    registry.register(Preload::fail);
    recorder.begin();
    registry.tryRunAll();
    for (HandlerEviction eviction : recorder.end()) {
      for (Supervisor.Outcome outcome : Supervisor.Outcome.values()) {
        reporter.logEviction(eviction, outcome);
      }
    }
  }

  private static int[] fail() {
    throw new IllegalStateException("preload: the eviction path, run once at start()");
  }

  /** A logger that builds each message and drops it (the scratch reporter's). */
  private enum Discard implements System.Logger {
    INSTANCE;

    @Override
    public String getName() {
      return "meshos.preload";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true; // so that the messages are built (and their code linked), then dropped
    }

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String msg,
        @Nullable Throwable thrown) {}

    @Override
    public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String format,
        @Nullable Object... params) {}
  }
}
