package meshos.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

/**
 * Runs P1–P9 and prints one line per figure with its value, its target and {@code PASS} or {@code
 * MISS}, then all those lines again together; shows its progress (step, configuration, time
 * elapsed) as it goes. Writes to the output directory: {@code summary.txt} (every line), JMH's JSON
 * ({@code p1.json}, {@code p8.json}, {@code p9.json}, {@code p2.json}), CSVs and plots drawn from
 * that JSON ({@code p1.csv/png}, {@code p8.csv/png}, {@code p9.csv/png}), and the lateness
 * harness's JSON per fresh JVM ({@code lateness-<n>.json}, its log beside it).
 *
 * <p>Usage: {@code java -cp benchmarks.jar meshos.benchmarks.BenchmarkSuite [--quick]
 * [--out=dir] [--only=P6,P8,P9,P2,P1]}. The full suite takes about 20 minutes on 2 cores (5 forks for every 8-class
 * figure, 3 for the others); {@code --quick} about 3 minutes (short iterations, 1 or 2 forks, P1
 * at N = 16 and 4096 only).
 */
public final class BenchmarkSuite {
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private static final int STEPS = 6;

  private final boolean quick;
  private final Set<String> only;
  private final Path out;
  private final Figures figures = new Figures(OUT);
  private final Progress progress = new Progress(OUT);

  private BenchmarkSuite(boolean quick, Set<String> only, Path out) {
    this.quick = quick;
    this.only = only;
    this.out = out;
  }

  /**
   * Runs the suite.
   *
   * @param args {@code --quick}, {@code --out=dir}, {@code --only=P6,P8,P9,P2,P1} (steps to run,
   *     by their first figure; P6 also gives P4 and P7; default all)
   * @throws Exception if a benchmark or the harness fails, or a file cannot be written
   */
  public static void main(String[] args) throws Exception {
    boolean quick = Arrays.asList(args).contains("--quick");
    Path out = Path.of(Arrays.stream(args).filter(a -> a.startsWith("--out="))
        .map(a -> a.substring("--out=".length())).findFirst().orElse("bench-results"));
    Set<String> only = new HashSet<>(Arrays.asList(Arrays.stream(args)
        .filter(a -> a.startsWith("--only=")).map(a -> a.substring("--only=".length()))
        .findFirst().orElse("P6,P8,P9,P2,P1").toUpperCase(Locale.ROOT).split(",")));
    Files.createDirectories(out);
    new BenchmarkSuite(quick, only, out).run();
  }

  private void run() throws Exception {
    figures.line("# meshos benchmarks " + (quick ? "(quick)" : "(full)") + ", "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + machine());
    figures.line(String.format(Locale.ROOT, "# load average at start: %.2f (%d cores)",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors()));
    if (only.contains("P6")) {
      progress.step(1, STEPS, "P6/P4/P7 first ticks, lateness, eviction tick (fresh JVMs)", 0);
      new LatenessFigures(figures, progress, out).run(quick ? 3 : 5,
          quick ? Duration.ofSeconds(6) : Duration.ofSeconds(20), quick ? 10 : 30);
    }
    if (only.contains("P8")) {
      progress.step(2, STEPS, "P8 register under contention (RegisterContentionBenchmark)", 9);
      p8();
    }
    if (only.contains("P9")) {
      progress.step(3, STEPS, "P9 realistic passes (RealisticPassBenchmark)", 9);
      p9();
    }
    if (only.contains("P2")) {
      progress.step(4, STEPS, "P2 register during 20 ms passes (RegisterLatencyBenchmark)", 2);
      p2();
    }
    if (only.contains("P1")) {
      progress.step(5, STEPS, "P1/P3/P5 no-op passes (PassBenchmark)", quick ? 16 : 44);
      p1();
    }
    progress.step(6, STEPS, "summary", 0);
    figures.line(String.format(Locale.ROOT, "# load average at end: %.2f; suite took %s (mm:ss)",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), progress.elapsed()));
    OUT.println("# all figures (each also above, where it was measured):"); // the console only
    for (String verdict : figures.verdicts()) {
      OUT.println(verdict);
    }
    figures.write(out.resolve("summary.txt"));
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse(cpu);
    } catch (IOException e) {
      // not Linux: the CPU stays unknown
    }
    return String.format(Locale.ROOT, "%d cores (%s), %s %s, JDK %s (%s %s)",
        Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), System.getProperty("java.vm.version"));
  }

  private ChainedOptionsBuilder jmh(Class<?> benchmark) {
    return new OptionsBuilder().include(benchmark.getName() + "\\.").shouldFailOnError(true);
  }

  private ChainedOptionsBuilder iterations(ChainedOptionsBuilder options, int warmups,
      int measurements, int millis) {
    return options.warmupIterations(warmups).warmupTime(TimeValue.milliseconds(millis))
        .measurementIterations(measurements).measurementTime(TimeValue.milliseconds(millis));
  }

  private Path runJmh(ChainedOptionsBuilder options, String file) throws RunnerException {
    Path json = out.resolve(file);
    new Runner(options.resultFormat(ResultFormatType.JSON).result(json.toString()).build(),
        progress).run();
    return json;
  }

  /** P1, P3, P5: 1 class with 3 forks, 8 classes with 5 (1 each in quick mode). */
  private void p1() throws RunnerException, IOException {
    List<Path> parts = new ArrayList<>();
    for (int classes : new int[] {1, 8}) {
      // one handler has one class: N = 1 is measured once, with 1 class
      String[] n = quick ? new String[] {"16", "4096"}
          : classes == 1 ? new String[] {"1", "16", "256", "1024", "4096", "65536"}
          : new String[] {"16", "256", "1024", "4096", "65536"};
      ChainedOptionsBuilder options = jmh(PassBenchmark.class)
          .param("handlers", n).param("classes", String.valueOf(classes))
          .addProfiler(GCProfiler.class).forks(quick ? 1 : classes == 1 ? 3 : 5);
      iterations(options, 2, 3, quick ? 300 : 500);
      parts.add(runJmh(options, "p1-classes" + classes + ".json"));
    }
    Path json = out.resolve("p1.json");
    JmhJson.merge(parts, json);
    List<PassFigure> p1 = PassResults.read(json);
    PassFigures.writeCsv(p1, out.resolve("p1.csv"));
    ResultsPlot.drawPasses(p1, "P1 no-op handlers: ns per handler vs N", out.resolve("p1.png"));
    new PassFigures(figures, p1).p1();
  }

  /** P9: 5 forks (2 in quick mode). */
  private void p9() throws RunnerException, IOException {
    ChainedOptionsBuilder options = jmh(RealisticPassBenchmark.class).forks(quick ? 2 : 5)
        .addProfiler(GCProfiler.class);
    iterations(options, 3, 4, quick ? 300 : 500);
    Path json = runJmh(options, "p9.json");
    List<PassFigure> p9 = PassResults.read(json, PassResults.P9);
    PassFigures.writeCsv(p9, out.resolve("p9.csv"));
    ResultsPlot.drawRealistic(p9, out.resolve("p9.png"));
    new PassFigures(figures, p9).p9();
  }

  /** P8: 1, 4 and 8 threads. */
  private void p8() throws RunnerException, IOException {
    List<Path> parts = new ArrayList<>();
    for (int threads : new int[] {1, 4, 8}) {
      ChainedOptionsBuilder options = jmh(RegisterContentionBenchmark.class).threads(threads)
          .forks(quick ? 1 : 3);
      iterations(options, 1, quick ? 2 : 3, quick ? 500 : 1000);
      parts.add(runJmh(options, "p8-t" + threads + ".json"));
    }
    Path json = out.resolve("p8.json");
    JmhJson.merge(parts, json);
    List<ContentionFigure> p8 = ContentionResults.read(json);
    List<String> csv = new ArrayList<>();
    csv.add("impl,threads,p50_us,p99_us,p99.9_us,p99.99_us,max_us,samples");
    figures.line("# P8 register+unregister while passes over 1000 handlers run back to back,"
        + " sample time, µs (" + Runtime.getRuntime().availableProcessors() + " cores)");
    for (ContentionFigure f : p8) {
      csv.add(String.format(Locale.ROOT, "%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%d", f.impl(),
          f.threads(), f.p50(), f.p99(), f.p999(), f.p9999(), f.max(), f.samples()));
      figures.line(String.format(Locale.ROOT, "P8 %-9s threads=%d p50=%.3f p99=%.3f p99.9=%.3f"
              + " p99.99=%.3f max=%.1f us (%d samples)", f.impl(), f.threads(), f.p50(), f.p99(),
          f.p999(), f.p9999(), f.max(), f.samples()));
    }
    Files.write(out.resolve("p8.csv"), csv, StandardCharsets.UTF_8);
    ResultsPlot.drawContention(p8, out.resolve("p8.png"));
    for (ContentionFigure f : p8) {
      if (f.impl().equals("meshos") && f.threads() == 8) {
        int cores = Runtime.getRuntime().availableProcessors();
        figures.atMost("P8 meshos threads=8 p99.9"
            + (cores < 8 ? " (measured on " + cores + " cores; the target is for >= 8)" : ""),
            f.p999(), 20, " us");
      }
    }
  }

  /** P2. */
  private void p2() throws RunnerException {
    ChainedOptionsBuilder options = jmh(RegisterLatencyBenchmark.class);
    if (quick) {
      options.forks(1);
      iterations(options, 1, 2, 500);
    }
    Map<String, double[]> percentiles = new TreeMap<>();
    Path json = out.resolve("p2.json");
    for (RunResult r : new Runner(options.resultFormat(ResultFormatType.JSON)
        .result(json.toString()).build(), progress).run()) {
      var stats = r.getPrimaryResult().getStatistics();
      double[] forkP99 = r.getBenchmarkResults().stream()
          .mapToDouble(BenchmarkSuite::p99).sorted().toArray();
      percentiles.put(r.getParams().getParam("impl"), new double[] {
          stats.getPercentile(50), stats.getPercentile(99), forkP99[0],
          forkP99[forkP99.length - 1]});
    }
    for (Map.Entry<String, double[]> e : percentiles.entrySet()) {
      double[] v = e.getValue();
      figures.line(String.format(Locale.ROOT,
          "P2 register+unregister during 20 ms passes, %-9s p50=%.2f us p99=%.2f us"
              + " (p99 per fork %.2f..%.2f us)", e.getKey(), v[0], v[1], v[2], v[3]));
    }
    double meshosP99 = percentiles.get("meshos")[1];
    double heldP99 = percentiles.get("lock-held")[1];
    figures.verdict(String.format(Locale.ROOT, "P2 p99 lock-held/meshos=%.0fx target: meshos p99"
        + " < 1000 us and lock-held p99 >= 1000 us", heldP99 / meshosP99),
        meshosP99 < 1000 && heldP99 >= 1000);
  }

  private static double p99(BenchmarkResult fork) {
    return fork.getPrimaryResult().getStatistics().getPercentile(99);
  }
}
