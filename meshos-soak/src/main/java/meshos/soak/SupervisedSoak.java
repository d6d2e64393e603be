package meshos.soak;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import meshos.api.RecoveryHandler;
import meshos.probes.HealthSample;
import meshos.probes.NodeHealth;
import meshos.tick.HandlerEviction;
import meshos.tick.MeshOsRuntime;
import meshos.tick.QuarantinedHandler;
import meshos.tick.RuntimeStats;
import meshos.tick.Supervision;
import meshos.tick.TickReport;

/**
 * Runs a supervised runtime (restart with backoff, a restart limit) for a set time (default 60 s)
 * with handlers that throw at random (one in ten of them on every other call), while another thread unregisters random handlers, and checks
 * the invariants of supervision tick by tick, from a tick listener:
 *
 * <ul>
 *   <li>a quarantined handler is restarted by the first tick that starts at or after its next
 *       attempt, never earlier, or it is given up; a given-up handler is never restarted;
 *   <li>a quarantined or given-up handler never runs until it is restarted, and no handler runs
 *       twice in one tick;
 *   <li>a handler whose {@code unregister} returned {@code true} is never restarted afterwards.
 * </ul>
 *
 * <p>A tick's start ({@code t0} on the runtime's clock) is bracketed by the end of the previous
 * tick's listener and the probe poll, which runs right after the restarts. Prints a summary and
 * exits with status 1 if any invariant failed. Usage: {@code SupervisedSoak [seconds]}.
 */
public final class SupervisedSoak {
  private static final int HANDLERS = 500;

  private enum State { LIVE, QUARANTINED, GIVEN_UP, CANCELLED }

  /** A handler that throws now and then; its fields are the tick thread's, except cancelled. */
  private final class Flaky implements RecoveryHandler {
    final int id;
    State state = State.LIVE;
    long lastTick = -1;
    long evictedTick = -1;
    long nextAttempt;
    /** Set before this handler's unregister is attempted by another thread. */
    volatile boolean cancelling;
    /** Once its unregister returned true: the ticks completed by then. */
    volatile long cancelledAfterTick = -1;

    Flaky(int id) {
      this.id = id;
    }

    @Override
    public int[] recover() {
      long t = currentTick;
      if (t == lastTick) {
        violation(this + " ran twice in tick " + t);
      }
      lastTick = t;
      runs.incrementAndGet();
      if (ThreadLocalRandom.current().nextInt(id % 10 == 0 ? 2 : 100) == 0) {
        throw new IllegalStateException("chaos: " + this + " throws at tick " + t);
      }
      return NONE;
    }

    @Override
    public String toString() {
      return "flaky-" + id;
    }
  }

  private static final int[] NONE = new int[0];

  private final MeshOsRuntime runtime;
  private final Map<String, Flaky> byName = new HashMap<>();
  private final List<Flaky> all = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private long restarts;
  private long givenUp;
  private long quarantines;
  private long currentTick;
  private long probeNanos;
  private long previousTickEndNanos;

  private SupervisedSoak() {
    runtime = MeshOsRuntime.builder()
        .name("supervised-soak")
        .tickInterval(Duration.ofMillis(5))
        .discoverProviders(false)
        .supervision(Supervision.restartWithBackoff(Duration.ofMillis(10), Duration.ofMillis(80))
            .maxRestarts(4, Duration.ofMillis(500)))
        .addTickListener(this::check)
        .build();
    runtime.probeRegistry().addHealthProbe(() -> {
      probeNanos = System.nanoTime(); // right after the tick's restarts: t0 <= probeNanos
      currentTick = runtime.stats().ticks() + 1;
      return List.of(new HealthSample(1, NodeHealth.HEALTHY));
    });
    for (int i = 0; i < HANDLERS; i++) {
      Flaky f = new Flaky(i);
      all.add(f);
      byName.put(f.toString(), f);
      runtime.recoveryRegistry().register(f);
    }
  }

  private void violation(String what) {
    synchronized (violations) {
      violations.add(what);
    }
  }

  /** The tick listener: on the tick thread, after each tick. */
  private void check(TickReport r) {
    long tick = r.tick();
    long lower = previousTickEndNanos; // t0 of this tick is at or after it
    for (String name : r.restarted()) {
      Flaky f = byName.get(name);
      if (f.state != State.QUARANTINED) {
        violation(f + " restarted at tick " + tick + " while " + f.state);
      } else if (probeNanos - f.nextAttempt < 0) {
        violation(f + " restarted at tick " + tick + " before its next attempt");
      }
      if (f.cancelledAfterTick >= 0 && tick > f.cancelledAfterTick + 1) {
        violation(f + " restarted at tick " + tick + " after its unregister returned true");
      }
      f.state = State.LIVE;
      restarts++;
    }
    Map<String, QuarantinedHandler> quarantine = new HashMap<>();
    for (QuarantinedHandler q : runtime.quarantine()) {
      quarantine.put(q.name(), q);
    }
    for (HandlerEviction e : r.evictions()) {
      Flaky f = (Flaky) e.handler();
      f.evictedTick = tick;
      if (r.givenUp().contains(e)) {
        f.state = State.GIVEN_UP;
        givenUp++;
      } else if (quarantine.containsKey(f.toString())) {
        f.state = State.QUARANTINED;
        f.nextAttempt = quarantine.get(f.toString()).nextAttemptNanos();
        quarantines++;
      } else if (!f.cancelling) {
        violation(f + " evicted at tick " + tick + " but neither quarantined nor given up");
      }
    }
    for (Flaky f : all) {
      if (f.state == State.LIVE || f.evictedTick == tick) {
        continue;
      }
      if (f.lastTick == tick) {
        violation(f + " ran at tick " + tick + " while " + f.state);
      }
      if (f.state == State.QUARANTINED && !f.cancelling && quarantine.containsKey(
          f.toString()) && f.nextAttempt - lower <= 0) {
        violation(f + " not restarted at tick " + tick + " although due");
      }
    }
    previousTickEndNanos = System.nanoTime();
  }

  /** Another thread: now and then unregisters a random handler (cancelling any quarantine). */
  private void canceller(AtomicBoolean running) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (running.get()) {
      Flaky f = all.get(random.nextInt(HANDLERS));
      if (!f.cancelling) {
        f.cancelling = true;
        if (runtime.recoveryRegistry().unregister(f)) {
          f.cancelledAfterTick = runtime.stats().ticks();
          cancelled.incrementAndGet();
        }
        // false: given up, or evicted in the tick in flight (then it stays gone, not checked)
      }
      LockSupport.parkNanos(200_000_000L);
    }
  }

  /**
   * Runs the soak.
   *
   * @param args the duration in seconds (default 60)
   * @throws InterruptedException never in practice
   */
  public static void main(String[] args) throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
    SupervisedSoak soak = new SupervisedSoak();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread canceller = new Thread(() -> soak.canceller(running), "soak-canceller");
    canceller.setDaemon(true);
    long started = System.nanoTime();
    soak.runtime.start();
    canceller.start();
    out.printf("supervised soak: %d s, tick every 5 ms, %d flaky handlers (1 %% or 50 %% throw),"
        + " restartWithBackoff(10 ms, 80 ms).maxRestarts(4, 500 ms)%n", seconds, HANDLERS);
    Soak.runFor(out, seconds, soak.runtime);
    running.set(false);
    canceller.join(10_000);
    soak.runtime.close();
    RuntimeStats s = soak.runtime.stats();
    out.printf("ran %.1f s: %d ticks (%d over budget), %d handler runs; %d evictions,"
            + " %d quarantined, %d restarts (stats %d), %d given up (stats %d), %d unregistered"
            + " by another thread%n",
        (System.nanoTime() - started) / 1e9, s.ticks(), s.overruns(), soak.runs.get(),
        s.evictions(), soak.quarantines, soak.restarts, s.restarts(), soak.givenUp, s.givenUp(),
        soak.cancelled.get());
    if (s.restarts() != soak.restarts || s.givenUp() != soak.givenUp) {
      soak.violation("stats disagree with the tick reports");
    }
    List<String> found;
    synchronized (soak.violations) {
      found = List.copyOf(soak.violations);
    }
    found.stream().limit(20).forEach(v -> out.println("VIOLATION " + v));
    out.printf("invariants: %d violation(s)%n", found.size());
    System.exit(found.isEmpty() ? 0 : 1);
  }
}
