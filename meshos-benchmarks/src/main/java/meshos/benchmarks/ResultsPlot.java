package meshos.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Draws P1/P5 as a PNG from JMH's JSON output of {@link PassBenchmark} (the suite's {@code
 * p1.json}, or any {@code -rf json} run of it): ns per handler against N, both axes logarithmic,
 * one line per implementation, one panel per number of handler classes.
 *
 * <p>Usage: {@code java -cp benchmarks.jar meshos.benchmarks.ResultsPlot p1.json p1.png}.
 */
public final class ResultsPlot {
  private static final int PANEL_W = 560;
  private static final int PANEL_H = 420;
  private static final int MARGIN = 60;
  private static final Map<String, Color> COLORS = Map.of(
      "meshos", new Color(0xD62728),
      "plain-loop", new Color(0x2CA02C),
      "cowal", new Color(0x1F77B4),
      "lock-held", new Color(0x9467BD));

  private ResultsPlot() {}

  static void draw(List<PassFigure> points, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(2 * PANEL_W, PANEL_H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    double yMin = points.stream().mapToDouble(PassFigure::nsPerHandler).min().orElse(0.1);
    double yMax = points.stream().mapToDouble(PassFigure::nsPerHandler).max().orElse(100);
    double logMin = Math.floor(Math.log10(Math.max(yMin, 1e-3)));
    double logMax = Math.ceil(Math.log10(Math.max(yMax, 1e-2)));
    if (logMax <= logMin) {
      logMax = logMin + 1;
    }
    int panel = 0;
    for (int classes : new int[] {1, 8}) {
      int x0 = panel++ * PANEL_W;
      drawPanel(g, x0, classes, points, logMin, logMax);
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static void drawPanel(Graphics2D g, int x0, int classes, List<PassFigure> points,
      double logMin, double logMax) {
    int left = x0 + MARGIN;
    int right = x0 + PANEL_W - 36;
    int top = 64;
    int bottom = PANEL_H - MARGIN;
    g.setStroke(new BasicStroke(1f)); // the previous panel's lines leave a thicker stroke
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString("ns per handler vs N (" + classes + " handler class" + (classes == 1 ? "" : "es")
        + ")", left, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawRect(left, top, right - left, bottom - top);
    for (int e = 0; e <= 16; e += 2) {
      int x = xOf(e, left, right);
      g.setColor(new Color(0xDDDDDD));
      g.drawLine(x, top, x, bottom);
      g.setColor(Color.BLACK);
      g.drawString(String.valueOf(1 << e), x - 8, bottom + 16);
    }
    for (double d = logMin; d <= logMax; d++) {
      int y = yOf(d, logMin, logMax, top, bottom);
      g.setColor(new Color(0xDDDDDD));
      g.drawLine(left, y, right, y);
      g.setColor(Color.BLACK);
      g.drawString(formatPow10(d), x0 + 8, y + 4);
    }
    g.drawString("N (handlers), log scale", (left + right) / 2 - 60, bottom + 36);
    Map<String, TreeMap<Integer, Double>> lines = new TreeMap<>();
    for (PassFigure p : points) {
      if (p.classes() == classes) {
        lines.computeIfAbsent(p.impl(), k -> new TreeMap<>()).put(p.handlers(), p.nsPerHandler());
      }
    }
    int legendX = left;
    for (Map.Entry<String, TreeMap<Integer, Double>> line : lines.entrySet()) {
      Color color = COLORS.getOrDefault(line.getKey(), Color.GRAY);
      g.setColor(color);
      g.setStroke(new BasicStroke(2f));
      int px = -1;
      int py = -1;
      for (Map.Entry<Integer, Double> pt : line.getValue().entrySet()) {
        int x = xOf(log2(pt.getKey()), left, right);
        int y = yOf(Math.log10(Math.max(pt.getValue(), 1e-3)), logMin, logMax, top, bottom);
        g.fillOval(x - 3, y - 3, 6, 6);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
      g.drawLine(legendX, 44, legendX + 20, 44);
      g.setColor(Color.BLACK);
      g.drawString(line.getKey(), legendX + 24, 48);
      legendX += 110;
    }
  }

  private static String formatPow10(double exponent) {
    double v = Math.pow(10, exponent);
    return v >= 1 ? String.format("%.0f ns", v) : String.format("%.3g ns", v);
  }

  private static double log2(int n) {
    return Math.log(n) / Math.log(2);
  }

  private static int xOf(double log2n, int left, int right) {
    return (int) Math.round(left + (right - left) * log2n / 16.0);
  }

  private static int yOf(double log10v, double logMin, double logMax, int top, int bottom) {
    return (int) Math.round(bottom - (bottom - top) * (log10v - logMin) / (logMax - logMin));
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ResultsPlot <jmh-result.json> <out.png>");
    }
    draw(PassResults.read(Path.of(args[0])), Path.of(args[1]));
  }
}
