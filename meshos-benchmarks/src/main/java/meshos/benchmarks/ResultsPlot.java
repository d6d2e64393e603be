package meshos.benchmarks;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Draws the plots from JMH's JSON output (the suite's {@code p1.json}, {@code p8.json}, {@code
 * p9.json}, or any {@code -rf json} run of the same benchmark):
 *
 * <ul>
 *   <li>{@link PassBenchmark} (P1/P5): ns per handler per N, one panel per class count;
 *   <li>{@link RealisticPassBenchmark} (P9): ns per handler per N;
 *   <li>{@link RegisterContentionBenchmark} (P8): µs per register + unregister at p50 … max, one
 *       panel per thread count.
 * </ul>
 *
 * <p>Pass plots show the median over forks as a line and every fork as a hollow dot. Usage: {@code
 * java -cp benchmarks.jar meshos.benchmarks.ResultsPlot result.json out.png}.
 */
public final class ResultsPlot {
  private ResultsPlot() {}

  /** P1: one panel per class count. */
  static void drawPasses(List<PassFigure> figures, String title, Path png) throws IOException {
    Map<Integer, List<PassFigure>> byClasses = new TreeMap<>();
    for (PassFigure f : figures) {
      byClasses.computeIfAbsent(f.classes(), k -> new ArrayList<>()).add(f);
    }
    List<Chart.Panel> panels = new ArrayList<>();
    for (Map.Entry<Integer, List<PassFigure>> e : byClasses.entrySet()) {
      panels.add(passPanel(e.getValue(), title + " (" + e.getKey() + " handler class"
          + (e.getKey() == 1 ? "" : "es") + ")"));
    }
    Chart.draw("ns", panels, png);
  }

  private static Chart.Panel passPanel(List<PassFigure> figures, String title) {
    TreeSet<Integer> sizes = new TreeSet<>();
    Map<String, Map<Integer, PassFigure>> byImpl = new TreeMap<>();
    for (PassFigure f : figures) {
      sizes.add(f.handlers());
      byImpl.computeIfAbsent(f.impl(), k -> new TreeMap<>()).put(f.handlers(), f);
    }
    List<String> categories = sizes.stream().map(String::valueOf).toList();
    List<Chart.Series> series = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, PassFigure>> impl : byImpl.entrySet()) {
      List<Double> values = new ArrayList<>();
      List<List<Double>> forks = new ArrayList<>();
      for (int n : sizes) {
        PassFigure f = impl.getValue().get(n);
        values.add(f == null ? Double.NaN : f.nsPerHandler());
        forks.add(f == null ? List.of() : f.forks().stream().map(v -> v / n).toList());
      }
      series.add(new Chart.Series(impl.getKey(), values, forks));
    }
    return new Chart.Panel(title, categories, series);
  }

  /** P9: one panel. */
  static void drawRealistic(List<PassFigure> figures, Path png) throws IOException {
    Chart.draw("ns", List.of(passPanel(figures, "P9 realistic pass: ns per handler vs N")), png);
  }

  /** P8: one panel per thread count. */
  static void drawContention(List<ContentionFigure> figures, Path png) throws IOException {
    Map<Integer, List<ContentionFigure>> byThreads = new TreeMap<>();
    for (ContentionFigure f : figures) {
      byThreads.computeIfAbsent(f.threads(), k -> new ArrayList<>()).add(f);
    }
    List<Chart.Panel> panels = new ArrayList<>();
    for (Map.Entry<Integer, List<ContentionFigure>> e : byThreads.entrySet()) {
      List<Chart.Series> series = new ArrayList<>();
      for (ContentionFigure f : e.getValue()) {
        List<Double> values = new ArrayList<>();
        for (double v : f.values()) {
          values.add(v);
        }
        series.add(new Chart.Series(f.impl(), values, List.of()));
      }
      panels.add(new Chart.Panel("P8 register+unregister, " + e.getKey() + " thread"
          + (e.getKey() == 1 ? "" : "s") + ", passes back to back",
          List.of(ContentionFigure.LABELS), series));
    }
    Chart.draw("µs", panels, png);
  }

  /**
   * Draws the plot of the benchmark found in a JMH JSON result file.
   *
   * @param args the JSON file and the PNG to write
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ResultsPlot <jmh-result.json> <out.png>");
    }
    Path json = Path.of(args[0]);
    Path png = Path.of(args[1]);
    TreeSet<String> benchmarks = new TreeSet<>();
    for (JsonElement run : JmhJson.runs(json)) {
      benchmarks.add(run.getAsJsonObject().get("benchmark").getAsString());
    }
    if (benchmarks.contains(ContentionResults.P8)) {
      drawContention(ContentionResults.read(json), png);
    } else if (benchmarks.contains(PassResults.P9)) {
      drawRealistic(PassResults.read(json, PassResults.P9), png);
    } else {
      drawPasses(PassResults.read(json), "P1 ns per handler vs N", png);
    }
  }
}
