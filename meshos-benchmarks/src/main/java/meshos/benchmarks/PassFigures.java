package meshos.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of pass benchmarks (P1, P3, P5 from {@link PassBenchmark}; P9 and its P5 from {@link
 * RealisticPassBenchmark}), with per-fork modes where a configuration is bimodal, so that every
 * ratio compares like with like ({@link Modes}).
 */
final class PassFigures {
  private final Figures out;
  /** impl → classes → N → figure. */
  private final Map<String, Map<Integer, Map<Integer, PassFigure>>> table = new TreeMap<>();

  PassFigures(Figures out, List<PassFigure> figures) {
    this.out = out;
    for (PassFigure f : figures) {
      table.computeIfAbsent(f.impl(), k -> new TreeMap<>())
          .computeIfAbsent(f.classes(), k -> new TreeMap<>()).put(f.handlers(), f);
    }
  }

  static void writeCsv(List<PassFigure> figures, Path csv) throws IOException {
    List<String> rows = new ArrayList<>();
    rows.add("impl,classes,handlers,median_ns_per_pass,min_fork,max_fork,ns_per_handler,"
        + "alloc_bytes_per_pass,forks_ns_per_pass");
    for (PassFigure f : figures) {
      rows.add(String.format(Locale.ROOT, "%s,%d,%d,%.2f,%.2f,%.2f,%.4f,%.2f,%s", f.impl(),
          f.classes(), f.handlers(), f.median(), f.min(), f.max(), f.nsPerHandler(), f.alloc(),
          f.forks().stream().map(v -> String.format(Locale.ROOT, "%.2f", v))
              .collect(Collectors.joining(" "))));
    }
    Files.write(csv, rows, StandardCharsets.UTF_8);
  }

  private Modes modes(int classes, int n) {
    List<List<Double>> forks = new ArrayList<>();
    for (Map<Integer, Map<Integer, PassFigure>> impl : table.values()) {
      PassFigure f = impl.getOrDefault(classes, Map.of()).get(n);
      if (f != null) {
        forks.add(f.forks());
      }
    }
    return Modes.of(forks);
  }

  private PassFigure get(String impl, int classes, int n) {
    return table.get(impl).get(classes).get(n);
  }

  /** One line per configuration: {@code label} is "P1" or "P9". */
  private void configurations(String label) {
    for (Map.Entry<String, Map<Integer, Map<Integer, PassFigure>>> impl : table.entrySet()) {
      for (Map.Entry<Integer, Map<Integer, PassFigure>> c : impl.getValue().entrySet()) {
        for (PassFigure f : c.getValue().values()) {
          String modes = modes(f.classes(), f.handlers()).describe(f.forks(), f.handlers());
          out.line(String.format(Locale.ROOT,
              "%s %-10s classes=%d N=%-6d %12.1f ns/pass [%.1f..%.1f] %8.3f ns/handler"
                  + "%s%s", label, f.impl(), f.classes(), f.handlers(),
              f.median(), f.min(), f.max(), f.nsPerHandler(),
              Double.isNaN(f.alloc()) ? "" : String.format(Locale.ROOT, " alloc=%.1f B/pass",
                  f.alloc()),
              modes.isEmpty() ? "" : " modes (ns/handler): " + modes));
        }
      }
    }
  }

  /**
   * {@code meshos / other} at one configuration, like with like: the verdict holds when every ratio
   * of a mode both landed in is within {@code target}.
   */
  private void ratio(String label, int classes, int n, String other, double target,
      String extra) {
    Modes modes = modes(classes, n);
    PassFigure a = get("meshos", classes, n);
    PassFigure b = get(other, classes, n);
    double[] ratios = modes.ratios(a.forks(), b.forks());
    String text;
    boolean pass = true;
    int compared = 0;
    for (double r : ratios) {
      if (!Double.isNaN(r)) {
        pass &= r <= target;
        compared++;
      }
    }
    if (!modes.bimodal()) {
      text = "=" + Figures.fmt(ratios[0]);
    } else if (compared == 0) {
      double medians = a.median() / b.median();
      pass = medians <= target;
      text = "=" + Figures.fmt(medians) + " (bimodal, no mode in common: medians; meshos "
          + modes.describe(a.forks(), n) + "; " + other + " " + modes.describe(b.forks(), n) + ")";
    } else {
      text = " fast mode=" + Figures.fmt(ratios[0]) + " slow mode=" + Figures.fmt(ratios[1])
          + " (bimodal: meshos " + modes.describe(a.forks(), n) + "; " + other + " "
          + modes.describe(b.forks(), n) + " ns/handler)";
    }
    out.verdict(String.format(Locale.ROOT, "%s classes=%d N=%d meshos/%s%s%s target<=%.2f", label,
        classes, n, other, text, extra, target), pass);
  }

  /** P1, P3 and P5 over no-op handlers. */
  void p1() {
    out.line("# P1 median ns per pass over forks [fastest..slowest fork], ns per handler");
    configurations("P1");
    for (int classes : table.get("meshos").keySet()) {
      for (PassFigure f : table.get("meshos").get(classes).values()) {
        int n = f.handlers();
        if (n >= 1024) {
          ratio("P1", classes, n, "plain-loop", 1.15, "");
        }
        ratio("P1", classes, n, "cowal", 1.00, "");
        p3("P3 classes=" + classes + " N=" + n, f, get("plain-loop", classes, n));
      }
      p5("P1 classes=" + classes, classes, 16);
    }
  }

  /** P9 and its P5. */
  void p9() {
    out.line("# P9 realistic pass: median ns per pass over forks [fastest..slowest fork]");
    configurations("P9");
    int classes = GroupHandlers.CLASSES;
    for (PassFigure f : table.get("meshos").get(classes).values()) {
      int n = f.handlers();
      double cowal = f.median() / get("cowal", classes, n).median();
      ratio("P9", classes, n, "plain-loop", 1.05,
          String.format(Locale.ROOT, " (meshos/cowal=%.3f by medians)", cowal));
      if (!Double.isNaN(f.alloc())) {
        p3("P3 P9 N=" + n, f, get("plain-loop", classes, n));
      }
    }
    p5("P9", classes, 1000);
  }

  /**
   * P3: no object allocated per pass. {@code gc.alloc.rate.norm} spreads JMH's own per-iteration
   * allocations over the operations, so a slow pass shows bytes even for the plain loop, which
   * allocates nothing (hundreds of bytes for a pass of milliseconds): the plain loop's figure is
   * the measurement's floor, and meshos allocates an object per pass (16 bytes at least) only if
   * it shows 16 bytes more.
   */
  private void p3(String label, PassFigure meshos, PassFigure plain) {
    double extra = meshos.alloc() - plain.alloc();
    out.verdict(String.format(Locale.ROOT, "%s meshos alloc=%.3f B/pass (plain-loop, which"
            + " allocates nothing, %.3f: the measurement's floor) meshos-plain=%.3f B target<16 B"
            + " (no object per pass)", label, meshos.alloc(), plain.alloc(), extra), extra < 16);
  }

  /** P5: ns per handler over N ≥ {@code from}; target max / min ≤ 1.5. */
  private void p5(String label, int classes, int from) {
    StringBuilder perN = new StringBuilder();
    double[] spread = new double[2];
    int i = 0;
    for (String impl : new String[] {"meshos", "plain-loop"}) {
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (PassFigure f : table.get(impl).get(classes).values()) {
        if (f.handlers() >= from) {
          lo = Math.min(lo, f.nsPerHandler());
          hi = Math.max(hi, f.nsPerHandler());
          if (impl.equals("meshos")) {
            perN.append(String.format(Locale.ROOT, " %d:%.3f", f.handlers(), f.nsPerHandler()));
          }
        }
      }
      spread[i++] = hi / lo;
    }
    out.verdict(String.format(Locale.ROOT, "P5 %s meshos ns/handler (median) by N:%s"
            + " max/min=%.3f (plain-loop's own %.3f) target<=1.50", label, perN, spread[0],
        spread[1]), spread[0] <= 1.5);
  }
}
