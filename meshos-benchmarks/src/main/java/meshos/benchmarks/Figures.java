package meshos.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's output lines: printed as they come, kept for {@code summary.txt}; a figure line ends
 * in {@code PASS} or {@code MISS} against its target.
 */
final class Figures {
  private final PrintStream out;
  private final List<String> lines = new ArrayList<>();

  Figures(PrintStream out) {
    this.out = out;
  }

  /** An informational line. */
  void line(String line) {
    lines.add(line);
    out.println(line);
  }

  /** A figure: {@code what=value target<=target PASS|MISS}. */
  void atMost(String what, double value, double target, String unit) {
    line(String.format(Locale.ROOT, "%s=%s%s target<=%s%s %s", what, fmt(value), unit, fmt(target),
        unit, value <= target ? "PASS" : "MISS"));
  }

  /** A figure with its own text: {@code text PASS|MISS}. */
  void verdict(String text, boolean pass) {
    line(text + " " + (pass ? "PASS" : "MISS"));
  }

  List<String> verdicts() {
    return lines.stream().filter(l -> l.endsWith(" PASS") || l.endsWith(" MISS")).toList();
  }

  void write(Path file) throws IOException {
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", v);
  }
}
