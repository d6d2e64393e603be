package meshos.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import meshos.tick.MeshOsRuntime;
import meshos.tick.RuntimeStats;

/**
 * P4: a runtime ticking every 10 ms over 1000 no-op handlers (eight classes) for a set time;
 * reports how late ticks start against their due time (the runtime's own {@code
 * TickReport.lateness()}, measured with {@code System.nanoTime}) and how many ticks ran against
 * how many the schedule asked for. JMH does not fit a free-running loop, hence a plain main.
 *
 * <p>Usage: {@code java -cp benchmarks.jar meshos.benchmarks.TickLatenessHarness [seconds]}.
 */
public final class TickLatenessHarness {
  private TickLatenessHarness() {}

  /** The figures of one run. */
  record Result(long ticks, long expectedTicks, long lateTicks, long p50Nanos, long p99Nanos,
      long maxNanos, Duration maxTick) {
    String line() {
      return String.format("P4 lateness over %d ticks (schedule asked %d): p50=%.3f ms"
              + " p99=%.3f ms max=%.3f ms, late ticks (beyond tolerance)=%d, max tick=%.3f ms",
          ticks, expectedTicks, p50Nanos / 1e6, p99Nanos / 1e6, maxNanos / 1e6, lateTicks,
          maxTick.toNanos() / 1e6);
    }
  }

  static Result run(Duration duration, Duration interval, int handlers)
      throws InterruptedException {
    long capacity = duration.toNanos() / interval.toNanos() * 2 + 16;
    long[] lateness = new long[(int) capacity];
    int[] count = {0};
    MeshOsRuntime runtime = MeshOsRuntime.builder()
        .name("lateness")
        .tickInterval(interval)
        .discoverProviders(false)
        .addTickListener(r -> {
          if (count[0] < lateness.length) {
            lateness[count[0]++] = r.lateness().toNanos();
          }
        })
        .build();
    for (int i = 0; i < handlers; i++) {
      runtime.recoveryRegistry().register(NoopHandlers.create(i));
    }
    long started = System.nanoTime();
    runtime.start();
    Thread.sleep(duration.toMillis());
    runtime.close();
    long elapsed = System.nanoTime() - started;
    RuntimeStats stats = runtime.stats();
    long[] sorted = Arrays.copyOf(lateness, count[0]);
    Arrays.sort(sorted);
    return new Result(stats.ticks(), elapsed / interval.toNanos(), stats.lateTicks(),
        percentile(sorted, 50), percentile(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1], stats.maxTickDuration());
  }

  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  public static void main(String[] args) throws InterruptedException {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
    System.out.println(
        run(Duration.ofSeconds(seconds), Duration.ofMillis(10), 1000).line());
  }
}
