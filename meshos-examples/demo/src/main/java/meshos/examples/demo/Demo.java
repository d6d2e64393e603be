package meshos.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import meshos.api.RecoveryHandler;
import meshos.tick.HandlerEviction;
import meshos.tick.HandlerOverrunException;
import meshos.tick.MeshOsRuntime;
import meshos.tick.ProviderInfo;
import meshos.tick.RuntimeStats;
import meshos.tick.Supervision;
import meshos.tick.TickReport;

/**
 * Starts a runtime, lets discovery install the replica-recovery provider, registers three handlers
 * programmatically (a well-behaved audit, a flaky one that fails twice and is restarted, and one
 * that blocks past the tick budget and is taken off the tick), runs the scripted {@link Story} and
 * prints one line per tick and a summary. After tick 10 it loads the standby plugin jar at run
 * time, and unloads it once its handler has run ({@link HotPlugStep}).
 *
 * <p>Options: {@code --interval=<ms>} (default 250), {@code --ticks=<n>} (default 14), {@code
 * --forever} (keep ticking until the process is stopped), {@code --plugin=<jar>} (the plugin to
 * load; default: the jar in {@code demo-plugins} beside the demo's jar).
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo on the calling thread until its ticks are done (or forever).
   *
   * @param args the options above
   * @throws InterruptedException if interrupted while waiting for the ticks
   * @throws IOException if the folder of plugin jars cannot be listed
   */
  public static void main(String[] args) throws InterruptedException, IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long intervalMs = option(args, "--interval=", 250);
    long ticks = option(args, "--ticks=", 14);
    boolean forever = Arrays.asList(args).contains("--forever");

    Optional<HotPlugStep> hotPlug = HotPlugStep.find(args);
    CountDownLatch finished = new CountDownLatch(1);
    MeshOsRuntime[] self = new MeshOsRuntime[1];
    MeshOsRuntime runtime = MeshOsRuntime.builder()
        .name("demo")
        .tickInterval(Duration.ofMillis(intervalMs))
        .supervision(Supervision.restartWithBackoff(Duration.ofMillis(intervalMs),
                Duration.ofMillis(4 * intervalMs))
            .maxRestarts(5, Duration.ofMinutes(1)))
        .evictOverrunningHandlers(3)
        .addTickListener(report -> {
          out.println(line(report));
          hotPlug.ifPresent(step -> step.onTick(report));
          if (!forever && report.tick() >= ticks && hotPlug.map(HotPlugStep::done).orElse(true)
              && finished.getCount() > 0) {
            self[0].close(); // on the tick thread: only requests the stop, no tick follows
            finished.countDown();
          }
        })
        .build();
    self[0] = runtime;
    runtime.probeRegistry().addHealthProbe(new Story());
    AtomicLong audits = new AtomicLong();
    runtime.recoveryRegistry().register(named("audit-handler", () -> {
      audits.incrementAndGet();
      return new int[0];
    }));
    AtomicLong flakyCalls = new AtomicLong();
    runtime.recoveryRegistry().register(named("flaky-handler", () -> {
      long call = flakyCalls.incrementAndGet();
      if (call == Story.FLAKY_THROWS || call == Story.FLAKY_THROWS + 1) {
        throw new IllegalStateException("flaky handler lost its connection");
      }
      return call == Story.FLAKY_THROWS + 2 ? new int[] {Story.FLAKY_SLOT} : new int[0];
    }));
    runtime.recoveryRegistry().register(named("blocking-handler", () -> {
      if (Story.blocks(runtime.snapshot().tick())) {
        // a peer that does not answer: three intervals, and long enough to be seen
        LockSupport.parkNanos(Math.max(3 * intervalMs, 200) * 1_000_000L);
      }
      return new int[0];
    }));

    try (runtime) {
      runtime.start();
      out.println("meshos demo: runtime '" + runtime.name() + "', tick every " + intervalMs
          + " ms, " + runtime.recoveryRegistry().size() + " recovery handlers");
      for (ProviderInfo p : runtime.providers()) {
        out.println("provider " + p.className() + " (" + p.moduleName() + ") " + p.outcome()
            + p.cause().map(c -> ": " + c).orElse(""));
      }
      if (hotPlug.isEmpty()) {
        out.println("hot plug: skipped (it needs the module path and the plugin jar in"
            + " demo-plugins beside the demo's jar)");
      }
      if (hotPlug.isPresent()) {
        hotPlug.get().run(runtime, out, HotPlugStep.LOAD_AFTER * intervalMs + 30_000);
      }
      if (forever) {
        new CountDownLatch(1).await();
      }
      if (!finished.await(ticks * intervalMs + 30_000, TimeUnit.MILLISECONDS)) {
        out.println("the demo timed out");
      }
    }
    RuntimeStats stats = runtime.stats();
    out.println("summary: " + stats.ticks() + " ticks, " + stats.slotsRecovered()
        + " slot(s) recovered, " + stats.evictions() + " eviction(s), " + stats.handlerRuns()
        + " handler runs, " + stats.restarts() + " restart(s), " + stats.givenUp()
        + " given up, audit ran " + audits.get() + " times, max tick "
        + millis(stats.maxTickDuration()) + ", state " + runtime.state());
  }

  private static String line(TickReport r) {
    String evicted = r.evictions().isEmpty() ? "-" : r.evictions().stream()
        .map(e -> e.name() + (e.cause() instanceof HandlerOverrunException ? " (overran)" : ""))
        .collect(Collectors.joining(","));
    String restarted =
        r.restarted().isEmpty() ? "" : " | restarted " + String.join(",", r.restarted());
    String givenUp = r.givenUp().isEmpty() ? "" : " | given up " + r.givenUp().stream()
        .map(HandlerEviction::name).collect(Collectors.joining(","));
    String note = Story.note(r.tick());
    return String.format("tick %2d | %8s | handlers %d | recovered %-6s | evicted %s%s%s%s",
        r.tick(), millis(r.duration()), r.handlersRun(), Arrays.toString(r.recoveredSlots()),
        evicted, restarted, givenUp, note.isEmpty() ? "" : " | " + note);
  }

  private static String millis(Duration d) {
    return String.format("%.3f ms", d.toNanos() / 1e6);
  }

  private static RecoveryHandler named(String name, RecoveryHandler handler) {
    return new RecoveryHandler() {
      @Override
      public int[] recover() {
        return handler.recover();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static long option(String[] args, String prefix, long fallback) {
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        return Long.parseLong(arg.substring(prefix.length()));
      }
    }
    return fallback;
  }
}
