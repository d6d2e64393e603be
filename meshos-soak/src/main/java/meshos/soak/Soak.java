package meshos.soak;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import meshos.probes.HealthSample;
import meshos.probes.NodeHealth;
import meshos.tick.MeshOsRuntime;
import meshos.tick.RuntimeStats;

/**
 * Runs a runtime for a set time (default 2 minutes) with a chaos mix — handlers that register
 * others, throw at random, unregister themselves; probes and actions that fail — while 4 threads
 * register and unregister handlers, then checks the invariants:
 *
 * <ul>
 *   <li>every handler ran on every tick from its first allowed tick until its removal (or the
 *       end), once per tick;
 *   <li>no evicted or unregistered handler ran after its removal;
 *   <li>the registry's size equals the handlers never removed; evictions, probe failures and
 *       action failures in {@code stats()} equal the faults injected.
 * </ul>
 *
 * <p>Prints a summary and exits with status 1 if any invariant failed. Usage: {@code Soak
 * [seconds]}.
 */
public final class Soak {
  static final int MAX_LIVE = 3_000;
  private static final int EXTERNAL_THREADS = 4;
  private static final List<Tracked.Kind> KINDS = List.of(Tracked.Kind.values());

  private final MeshOsRuntime runtime;
  private final Map<Integer, Tracked> all = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  final AtomicLong thrown = new AtomicLong();
  final AtomicLong selfUnregistered = new AtomicLong();
  final AtomicLong spawned = new AtomicLong();
  final AtomicLong actionsOffered = new AtomicLong();
  final AtomicLong actionsMeantToFail = new AtomicLong();
  private final AtomicLong externalRegistered = new AtomicLong();
  private final AtomicLong externalUnregistered = new AtomicLong();
  private final AtomicLong probeFailuresInjected = new AtomicLong();
  private final AtomicLong removedCount = new AtomicLong();

  private Soak() {
    runtime = MeshOsRuntime.builder()
        .name("soak")
        .tickInterval(Duration.ofMillis(5))
        .discoverProviders(false)
        .actionQueueCapacity(64)
        .build();
    runtime.probeRegistry().addHealthProbe(() -> {
      if (ThreadLocalRandom.current().nextInt(10) == 0) {
        probeFailuresInjected.incrementAndGet();
        throw new IllegalStateException("chaos: probe fails");
      }
      return List.of(new HealthSample(1, NodeHealth.HEALTHY));
    });
  }

  long liveEstimate() {
    return all.size() - removedCount.get() - thrown.get() - selfUnregistered.get();
  }

  Tracked newHandler(Tracked.Kind kind) {
    int id = ids.incrementAndGet();
    Tracked t = new Tracked(id, kind, () -> runtime.snapshot().tick(), runtime.recoveryRegistry(),
        runtime.actions(), this);
    all.put(id, t);
    return t;
  }

  /** Registers from outside the tick thread, recording which ticks must run it. */
  private void registerExternally(Tracked t) {
    long before = runtime.stats().ticks();
    runtime.recoveryRegistry().register(t);
    long after = runtime.stats().ticks();
    // Ticks up to `before` completed before the call; tick after+1 may have been in flight;
    // every tick from after+2 on started after it returned.
    t.firstAllowed = before + 1;
    t.firstRequired = after + 2;
    externalRegistered.incrementAndGet();
  }

  private void unregisterExternally(Tracked t) {
    long before = runtime.stats().ticks();
    if (runtime.recoveryRegistry().unregister(t)) {
      long after = runtime.stats().ticks();
      t.mustRunThrough = Math.min(t.mustRunThrough, before); // ticks that ended before the call
      t.lastAllowed = after + 1; // the tick in flight may have dispatched it already
      t.removed = true;
      removedCount.incrementAndGet();
      externalUnregistered.incrementAndGet();
    }
  }

  private void external(AtomicBoolean running, CountDownLatch done) {
    List<Tracked> mine = new ArrayList<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try {
      while (running.get()) {
        if (liveEstimate() < MAX_LIVE && random.nextInt(3) != 0) {
          Tracked.Kind kind = KINDS.get(random.nextInt(KINDS.size()));
          Tracked t = newHandler(kind);
          registerExternally(t);
          mine.add(t);
        } else if (!mine.isEmpty()) {
          unregisterExternally(mine.remove(random.nextInt(mine.size())));
        }
        // About 1000 operations per second per thread: millions of tracked handlers would
        // measure the garbage collector, not the runtime.
        LockSupport.parkNanos(1_000_000L);
      }
    } finally {
      done.countDown();
    }
  }

  private int verify(PrintStream out, RuntimeStats stats) {
    long finalTick = stats.ticks();
    List<String> violations = new ArrayList<>();
    long live = 0;
    for (Tracked t : all.values()) {
      if (t.doubles > 0) {
        violations.add(t + " ran twice in one tick " + t.doubles + " time(s)");
      }
      if (t.gaps > 0) {
        violations.add(t + " missed a tick " + t.gaps + " time(s)");
      }
      if (t.firstTick >= 0 && t.firstTick < t.firstAllowed) {
        violations.add(t + " ran at tick " + t.firstTick + " before it was registered");
      }
      if (t.removed) {
        if (t.lastTick > t.lastAllowed) {
          violations.add(t + " ran at tick " + t.lastTick + " after its removal (allowed up to "
              + t.lastAllowed + ")");
        }
      } else {
        live++;
      }
      long through = Math.min(t.removed ? t.mustRunThrough : finalTick, finalTick);
      if (t.firstRequired <= through) {
        if (t.firstTick < 0 || t.firstTick > t.firstRequired) {
          violations.add(t + " first ran at tick " + t.firstTick + ", required by "
              + t.firstRequired);
        }
        if (t.lastTick < through) {
          violations.add(t + " last ran at tick " + t.lastTick + ", required through " + through);
        }
      }
    }
    int size = runtime.recoveryRegistry().size();
    if (size != live) {
      violations.add("registry size " + size + " != live handlers " + live);
    }
    if (stats.evictions() != thrown.get()) {
      violations.add("evictions " + stats.evictions() + " != handlers that threw " + thrown.get());
    }
    if (stats.probeFailures() != probeFailuresInjected.get()) {
      violations.add("probe failures " + stats.probeFailures() + " != injected "
          + probeFailuresInjected.get());
    }
    if (stats.actionsFailed() != actionsMeantToFail.get()) {
      violations.add("failed actions " + stats.actionsFailed() + " != injected "
          + actionsMeantToFail.get());
    }
    if (stats.actionsRun() + stats.actionsFailed() + stats.actionsAbandoned()
        != actionsOffered.get()) {
      violations.add("actions run+failed+abandoned != accepted " + actionsOffered.get());
    }
    violations.stream().limit(20).forEach(v -> out.println("VIOLATION " + v));
    out.printf("invariants: %d handlers checked (%d live at the end), %d violation(s)%n",
        all.size(), live, violations.size());
    return violations.size();
  }

  /** Waits {@code seconds}, printing a progress line every 10 s (a long run is not silent). */
  static void runFor(PrintStream out, long seconds, MeshOsRuntime runtime)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      Thread.sleep(Math.min(10_000, left / 1_000_000 + 1));
      long remaining = Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L);
      RuntimeStats s = runtime.stats();
      out.printf("  ... %d s left: %d ticks, %d handler runs, %d evictions so far%n", remaining,
          s.ticks(), s.handlerRuns(), s.evictions());
    }
  }

  public static void main(String[] args) throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 120;
    Soak soak = new Soak();
    for (int i = 0; i < 200; i++) {
      soak.registerExternally(soak.newHandler(KINDS.get(i % KINDS.size())));
    }
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch done = new CountDownLatch(EXTERNAL_THREADS);
    long started = System.nanoTime();
    soak.runtime.start();
    for (int i = 0; i < EXTERNAL_THREADS; i++) {
      Thread t = new Thread(() -> soak.external(running, done), "soak-registrar-" + i);
      t.setDaemon(true);
      t.start();
    }
    out.printf("soak: %d s, tick every 5 ms, %d registering threads%n", seconds,
        EXTERNAL_THREADS);
    runFor(out, seconds, soak.runtime);
    running.set(false);
    done.await();
    soak.runtime.close();
    double elapsed = (System.nanoTime() - started) / 1e9;
    RuntimeStats s = soak.runtime.stats();
    out.printf("ran %.1f s: %d ticks (%d late, %d over budget), %d handler runs, max tick %.3f ms%n",
        elapsed, s.ticks(), s.lateTicks(), s.overruns(), s.handlerRuns(),
        s.maxTickDuration().toNanos() / 1e6);
    out.printf("handlers: %d registered by 4 threads, %d unregistered by them, %d spawned by"
            + " handlers, %d self-unregistered, %d evicted (threw)%n",
        soak.externalRegistered.get(), soak.externalUnregistered.get(), soak.spawned.get(),
        soak.selfUnregistered.get(), s.evictions());
    out.printf("probes: %d failures injected, %d reported; actions: %d accepted, %d run,"
            + " %d failed (%d injected), %d dropped, %d abandoned%n",
        soak.probeFailuresInjected.get(), s.probeFailures(), soak.actionsOffered.get(),
        s.actionsRun(), s.actionsFailed(), soak.actionsMeantToFail.get(), s.actionsDropped(),
        s.actionsAbandoned());
    int violations = soak.verify(out, s);
    System.exit(violations == 0 ? 0 : 1);
  }
}
