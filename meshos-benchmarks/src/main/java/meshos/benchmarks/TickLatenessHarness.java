package meshos.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.tick.MeshOsRuntime;
import meshos.tick.RuntimeStats;

/**
 * P4, P6 and P7 in one fresh JVM (the suite starts one per run, so that the first ticks are the
 * first of the JVM, as in an application): a runtime ticking every 10 ms over 1000 no-op handlers
 * of eight classes, started once.
 *
 * <ol>
 *   <li>Soak (P6, P4): it ticks for the soak time (and at least 11 ticks); every tick's lateness (the runtime's own {@code
 *       TickReport.lateness()}, measured with {@code System.nanoTime}) and duration are kept, the
 *       first ten apart (P6) from the rest (P4).
 *   <li>Evictions (P7): one no-op handler is unregistered, then, {@code evictions} times, a handler
 *       that throws on its first call is registered (1000 handlers, one of which throws) and the
 *       harness waits for the tick that evicts it and three more. The ticks of this phase are kept
 *       with their number of evictions, so that eviction ticks are compared with the ticks around
 *       them.
 * </ol>
 *
 * <p>Writes a JSON {@link Run} to the file given. JMH does not fit a free-running loop, hence a plain
 * main. Usage: {@code java -cp benchmarks.jar meshos.benchmarks.TickLatenessHarness out.json
 * [soak-ms] [evictions]} (defaults 20000 and 20).
 */
public final class TickLatenessHarness {
  static final int HANDLERS = 1000;
  static final Duration INTERVAL = Duration.ofMillis(10);
  /** P6's ticks: the soak lasts until there are more than these, whatever its time. */
  static final int FIRST_TICKS = 10;

  private TickLatenessHarness() {}

  /** The raw figures of one run, as written to JSON. */
  static final class Run {
    long[] lateness = new long[0];
    long[] duration = new long[0];
    int[] evictions = new int[0];
    int soakTicks;
    long expectedSoakTicks;
    long lateTicks;
    long maxTickNanos;
    String jdk = System.getProperty("java.version");
  }

  /** A handler that throws on its first (and only) call. */
  private static final class Thrower implements RecoveryHandler {
    @Override
    public int[] recover() {
      throw new IllegalStateException("injected failure (benchmark P7)");
    }
  }

  static Run run(Duration soak, int evictionRounds) throws InterruptedException {
    int capacity = (int) (soak.toNanos() / INTERVAL.toNanos()) * 2 + 8 * evictionRounds + 64;
    long[] lateness = new long[capacity];
    long[] duration = new long[capacity];
    int[] evictions = new int[capacity];
    AtomicInteger count = new AtomicInteger();
    AtomicInteger evicted = new AtomicInteger();
    MeshOsRuntime runtime = MeshOsRuntime.builder()
        .name("lateness")
        .tickInterval(INTERVAL)
        .discoverProviders(false)
        .addTickListener(r -> {
          int i = count.get();
          if (i < lateness.length) {
            lateness[i] = r.lateness().toNanos();
            duration[i] = r.duration().toNanos();
            evictions[i] = r.evictions().size();
            count.set(i + 1);
          }
          evicted.addAndGet(r.evictions().size());
        })
        .build();
    RecoveryRegistry registry = runtime.recoveryRegistry();
    RecoveryHandler[] noops = new RecoveryHandler[HANDLERS];
    for (int i = 0; i < HANDLERS; i++) {
      noops[i] = NoopHandlers.create(i);
      registry.register(noops[i]);
    }
    Run run = new Run();
    long started = System.nanoTime();
    runtime.start();
    Thread.sleep(soak.toMillis());
    // A stalled start can leave fewer ticks than P6 needs: wait for them (bounded).
    long enough = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (count.get() <= FIRST_TICKS && System.nanoTime() < enough) {
      Thread.sleep(INTERVAL.toMillis());
    }
    run.soakTicks = count.get();
    run.expectedSoakTicks = (System.nanoTime() - started) / INTERVAL.toNanos();
    if (evictionRounds > 0) {
      registry.unregister(noops[0]);
    }
    for (int round = 0; round < evictionRounds; round++) {
      int before = evicted.get();
      registry.register(new Thrower());
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (evicted.get() == before && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      Thread.sleep(3 * INTERVAL.toMillis());
    }
    runtime.close();
    RuntimeStats stats = runtime.stats();
    int n = count.get();
    run.lateness = Arrays.copyOf(lateness, n);
    run.duration = Arrays.copyOf(duration, n);
    run.evictions = Arrays.copyOf(evictions, n);
    run.lateTicks = stats.lateTicks();
    run.maxTickNanos = stats.maxTickDuration().toNanos();
    return run;
  }

  static Run read(Path json) throws IOException {
    return new Gson().fromJson(Files.readString(json, StandardCharsets.UTF_8), Run.class);
  }

  /**
   * Runs once and writes the JSON.
   *
   * @param args output file, then optionally the soak in ms and the number of evictions
   * @throws InterruptedException if interrupted
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws InterruptedException, IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: TickLatenessHarness <out.json> [soak-ms] [evictions]");
    }
    long soakMs = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
    int evictions = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Run run = run(Duration.ofMillis(soakMs), evictions);
    try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
      new GsonBuilder().create().toJson(run, out);
    }
  }
}
