package meshos.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs P1–P5 and prints one line per figure with its ratio and target, so that a script can check
 * them; writes {@code p1.json} (JMH's own JSON of P1/P3), {@code p1.csv}, {@code p1.png} and {@code
 * summary.txt} to the output directory.
 *
 * <p>Usage: {@code java -cp benchmarks.jar meshos.benchmarks.BenchmarkSuite [--quick]
 * [--out=dir]}. The full suite runs every N with 3 forks (about 20 minutes on 2 cores); {@code
 * --quick} runs N = 16 and 4096 with one fork and short iterations (under 2 minutes).
 */
public final class BenchmarkSuite {
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  private final boolean quick;
  private final Path out;
  private final List<String> figures = new ArrayList<>();

  private BenchmarkSuite(boolean quick, Path out) {
    this.quick = quick;
    this.out = out;
  }

  public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
    boolean quick = Arrays.asList(args).contains("--quick");
    Path out = Path.of(Arrays.stream(args).filter(a -> a.startsWith("--out="))
        .map(a -> a.substring("--out=".length())).findFirst().orElse("bench-results"));
    Files.createDirectories(out);
    new BenchmarkSuite(quick, out).run();
  }

  private void run() throws RunnerException, IOException, InterruptedException {
    figure("# meshos benchmarks " + (quick ? "(quick)" : "(full)") + ", "
        + LocalDate.now(ZoneOffset.UTC) + ", " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    passes();
    registerLatency();
    Duration soak = quick ? Duration.ofSeconds(8) : Duration.ofSeconds(20);
    figure(TickLatenessHarness.run(soak, Duration.ofMillis(10), 1000).line());
    Files.write(out.resolve("summary.txt"), figures, StandardCharsets.UTF_8);
  }

  /** P1, P3, P5. */
  private void passes() throws RunnerException, IOException {
    String[] sizes = quick
        ? new String[] {"16", "4096"}
        : new String[] {"1", "16", "256", "1024", "4096", "65536"};
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(PassBenchmark.class.getName())
        .param("handlers", sizes)
        .addProfiler(GCProfiler.class)
        .verbosity(VerboseMode.SILENT);
    if (quick) {
      options.forks(1).warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
          .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
    }
    // JMH writes its JSON; the figures, the CSV and the plot are all read back from it, the way
    // the documented ResultsPlot command reads any JMH JSON run of PassBenchmark.
    Path json = out.resolve("p1.json");
    new Runner(options.resultFormat(ResultFormatType.JSON).result(json.toString()).build()).run();
    List<PassFigure> figures = PassResults.read(json);

    // impl -> classes -> handlers -> figures
    Map<String, Map<Integer, Map<Integer, PassFigure>>> table = new TreeMap<>();
    List<String> csv = new ArrayList<>();
    csv.add("impl,classes,handlers,median_ns_per_pass,min_fork,max_fork,ns_per_handler,"
        + "alloc_bytes_per_pass");
    for (PassFigure f : figures) {
      table.computeIfAbsent(f.impl(), k -> new TreeMap<>())
          .computeIfAbsent(f.classes(), k -> new TreeMap<>()).put(f.handlers(), f);
      csv.add(String.format(Locale.ROOT, "%s,%d,%d,%.2f,%.2f,%.2f,%.4f,%.2f", f.impl(),
          f.classes(), f.handlers(), f.median(), f.min(), f.max(), f.nsPerHandler(), f.alloc()));
    }
    Files.write(out.resolve("p1.csv"), csv, StandardCharsets.UTF_8);
    ResultsPlot.draw(figures, out.resolve("p1.png"));

    figure("# P1 median ns per pass over forks [min..max across forks], ns per handler");
    for (Map.Entry<String, Map<Integer, Map<Integer, PassFigure>>> impl : table.entrySet()) {
      for (Map.Entry<Integer, Map<Integer, PassFigure>> c : impl.getValue().entrySet()) {
        for (Map.Entry<Integer, PassFigure> e : c.getValue().entrySet()) {
          PassFigure f = e.getValue();
          figure(String.format(Locale.ROOT,
              "P1 %-10s classes=%d N=%-5d %12.1f ns/pass [%.1f..%.1f] %8.3f ns/handler"
                  + " alloc=%.1f B/pass",
              impl.getKey(), c.getKey(), e.getKey(), f.median(), f.min(), f.max(),
              f.median() / e.getKey(), f.alloc()));
        }
      }
    }
    Map<Integer, Map<Integer, PassFigure>> meshos = table.get("meshos");
    for (int classes : new int[] {1, 8}) {
      for (Map.Entry<Integer, PassFigure> e : meshos.get(classes).entrySet()) {
        int n = e.getKey();
        double m = e.getValue().median();
        if (n >= 1024) {
          ratio("P1 classes=" + classes + " N=" + n + " meshos/plain-loop",
              m / table.get("plain-loop").get(classes).get(n).median(), 1.15);
        }
        ratio("P1 classes=" + classes + " N=" + n + " meshos/cowal",
            m / table.get("cowal").get(classes).get(n).median(), 1.00);
        // gc.alloc.rate.norm spreads JMH's own per-iteration allocations over the operations,
        // so a slow pass shows a fraction of a byte even for the plain loop, which allocates
        // nothing. Any real allocation per pass is at least one object: 16 bytes.
        double alloc = e.getValue().alloc();
        figure(String.format(Locale.ROOT, "P3 classes=%d N=%d meshos alloc=%.3f B/pass"
                + " (plain-loop %.3f) target=0 (< 16 B: no object per pass) %s", classes, n,
            alloc, table.get("plain-loop").get(classes).get(n).alloc(),
            alloc < 16 ? "PASS" : "MISS"));
      }
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (Map.Entry<Integer, PassFigure> e : meshos.get(classes).entrySet()) {
        if (e.getKey() >= 16) {
          double perHandler = e.getValue().median() / e.getKey();
          lo = Math.min(lo, perHandler);
          hi = Math.max(hi, perHandler);
        }
      }
      ratio("P5 classes=" + classes + " meshos ns/handler max/min over N>=16", hi / lo, 1.5);
    }
  }

  /** P2. */
  private void registerLatency() throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(RegisterLatencyBenchmark.class.getName())
        .verbosity(VerboseMode.SILENT);
    if (quick) {
      options.forks(1).warmupIterations(1).measurementIterations(2);
    }
    Map<String, double[]> percentiles = new TreeMap<>();
    for (RunResult r : new Runner(options.build()).run()) {
      var stats = r.getPrimaryResult().getStatistics();
      double[] forkP99 = r.getBenchmarkResults().stream()
          .mapToDouble(BenchmarkSuite::p99).sorted().toArray();
      percentiles.put(r.getParams().getParam("impl"), new double[] {
          stats.getPercentile(50), stats.getPercentile(99), forkP99[0],
          forkP99[forkP99.length - 1]});
    }
    for (Map.Entry<String, double[]> e : percentiles.entrySet()) {
      double[] v = e.getValue();
      figure(String.format(Locale.ROOT,
          "P2 register+unregister during 20 ms passes, %-9s p50=%.2f us p99=%.2f us"
              + " (p99 per fork %.2f..%.2f us)", e.getKey(), v[0], v[1], v[2], v[3]));
    }
    double meshosP99 = percentiles.get("meshos")[1];
    double heldP99 = percentiles.get("lock-held")[1];
    figure(String.format(Locale.ROOT, "P2 p99 lock-held/meshos=%.0fx target: meshos p99 < 1000 us"
            + " and lock-held p99 >= 1000 us %s", heldP99 / meshosP99,
        meshosP99 < 1000 && heldP99 >= 1000 ? "PASS" : "MISS"));
  }

  private static double p99(BenchmarkResult fork) {
    return fork.getPrimaryResult().getStatistics().getPercentile(99);
  }

  private void ratio(String what, double value, double target) {
    figure(String.format(Locale.ROOT, "%s=%.3f target<=%.2f %s", what, value, target,
        value <= target ? "PASS" : "MISS"));
  }

  private void figure(String line) {
    figures.add(line);
    OUT.println(line);
  }
}
