package meshos.tick.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import meshos.probes.ProbeFailure;
import meshos.tick.HandlerEviction;
import meshos.tick.TickListener;
import meshos.tick.TickReport;

/**
 * Reports what a tick did: counters, JFR events, tick listeners, and log records, which are only
 * queued here and built on the log thread ({@link RuntimeLog}): the overrun {@code WARNING} at most
 * once a minute, a failing probe once per failing streak. Owned by the ticking thread (ticks
 * happen one after the other); {@link #evictedOutsideTick} may be called from any thread.
 */
public final class TickReporter {
  private static final long OVERRUN_LOG_PERIOD_NANOS = 60_000_000_000L;

  private final String name;
  private final RuntimeCounters counters;
  private final RuntimeLog log;
  private final List<TickListener> listeners;
  private final LongSupplier clock;
  private final String budget;

  private boolean overrunLogged;
  private long lastOverrunLogNanos;
  private long overrunLogsSuppressed;
  private volatile List<String> lastOverrunCulprits = List.of();

  /** Probes that failed in the previous tick: a probe failing every tick is logged once. */
  private Set<Object> failingProbes = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * @param config the runtime's configuration (name, listeners, clock, budget)
   * @param counters the runtime's counters
   * @param log where log records are queued
   */
  public TickReporter(RuntimeConfig config, RuntimeCounters counters, RuntimeLog log) {
    this.name = config.name();
    this.counters = counters;
    this.log = log;
    this.listeners = config.listeners();
    this.clock = config.nanoClock();
    this.budget = config.tickBudget().toString();
  }

  /** The culprits of the latest overrun; any thread. */
  public List<String> lastOverrunCulprits() {
    return lastOverrunCulprits;
  }

  /**
   * A phase of the tick ended with {@code t}: counted, logged as an {@code ERROR}.
   *
   * @param phase the phase's name
   * @param t what escaped it
   */
  public void phaseFailed(String phase, Throwable t) {
    counters.phaseFailure();
    boolean fatal = Throwables.isFatal(t);
    log.log(System.Logger.Level.ERROR, () -> "runtime '" + name + "': " + phase + " failed"
        + (fatal ? " with a fatal error" : ""), t);
  }

  /**
   * The probes that failed this tick: counted; each logged once per failing streak.
   *
   * @param failures this tick's probe failures
   */
  public void probeFailures(List<ProbeFailure> failures) {
    if (failures.isEmpty() && failingProbes.isEmpty()) {
      return;
    }
    Set<Object> nowFailing = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ProbeFailure failure : failures) {
      counters.probeFailure();
      nowFailing.add(failure.probe());
      if (!failingProbes.contains(failure.probe())) {
        log.log(System.Logger.Level.WARNING, () -> "runtime '" + name + "': " + failure.kind()
            + " probe " + failure.probe() + " failed; skipped this tick and kept"
            + " (further consecutive failures are counted, not logged)", failure.cause());
      }
    }
    failingProbes = nowFailing;
  }

  /**
   * One eviction of a pass that is not a tick's (not supervised): as {@link #evicted} with {@link
   * Supervisor.Outcome#EVICTED}. Any thread.
   *
   * @param eviction the eviction
   */
  public void evictedOutsideTick(HandlerEviction eviction) {
    evicted(eviction, Supervisor.Outcome.EVICTED);
  }

  /**
   * One eviction and what became of the handler: counted, a JFR event and a queued {@code
   * WARNING} saying whether the handler will be restarted. Any thread.
   *
   * @param eviction the eviction
   * @param outcome what supervision decided
   */
  public void evicted(HandlerEviction eviction, Supervisor.Outcome outcome) {
    counters.eviction();
    EvictionEvent event = new EvictionEvent();
    if (event.shouldCommit()) {
      event.runtime = name;
      event.handler = eviction.name();
      event.causeClass = eviction.cause().getClass().getName();
      event.causeMessage = eviction.cause().getMessage();
      event.outcome = outcome.name();
      event.commit();
    }
    logEviction(eviction, outcome);
  }

  /**
   * Queues the {@code WARNING} for one eviction (the part of {@link #evicted} that {@link Preload}
   * exercises on a scratch reporter). Any thread.
   *
   * @param eviction the eviction
   * @param outcome what supervision decided
   */
  void logEviction(HandlerEviction eviction, Supervisor.Outcome outcome) {
    log.log(System.Logger.Level.WARNING, () -> "runtime '" + name + "': evicted recovery handler "
        + eviction.name() + " (" + eviction.cause() + ")" + switch (outcome) {
          case EVICTED -> "";
          case QUARANTINED -> "; quarantined, to be restarted after its backoff";
          case GIVEN_UP -> "; given up: it will not be restarted";
        }, eviction.cause());
  }

  /**
   * The end of a tick: counters, its JFR event, the overrun log, then the listeners in order.
   *
   * @param report the tick's report
   * @param event the tick's JFR event, begun when the tick started
   */
  public void tickEnded(TickReport report, TickEvent event) {
    event.end();
    if (event.shouldCommit()) {
      event.runtime = name;
      event.tick = report.tick();
      event.handlersRun = report.handlersRun();
      event.slotsRecovered = report.slotsRecovered();
      event.evictions = report.evictions().size();
      event.overBudget = report.overBudget();
      event.commit();
    }
    counters.tickDone(report.tick(), report.handlersRun(), report.slotsRecovered(),
        report.duration().toNanos());
    if (report.overBudget()) {
      overrun(report);
    }
    for (TickListener listener : listeners) {
      try {
        listener.onTick(report);
      } catch (Throwable t) {
        counters.listenerFailure();
        log.log(System.Logger.Level.WARNING,
            () -> "runtime '" + name + "': tick listener " + listener + " failed", t);
      }
    }
  }

  /** A tick exceeded its budget: remember the culprits and log, at most once a minute. */
  private void overrun(TickReport report) {
    lastOverrunCulprits = report.overrunCulprits();
    long now = clock.getAsLong();
    if (overrunLogged && now - lastOverrunLogNanos < OVERRUN_LOG_PERIOD_NANOS) {
      overrunLogsSuppressed++;
      return;
    }
    long suppressed = overrunLogsSuppressed;
    overrunLogged = true;
    lastOverrunLogNanos = now;
    overrunLogsSuppressed = 0;
    log.log(System.Logger.Level.WARNING, () -> "runtime '" + name + "': tick " + report.tick()
        + " took " + report.duration() + ", over its budget of " + budget + "; longest: "
        + report.overrunCulprits()
        + (suppressed == 0 ? "" : " (" + suppressed + " earlier overrun(s) not logged)"), null);
  }
}
