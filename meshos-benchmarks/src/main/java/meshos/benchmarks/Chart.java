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
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A PNG of side-by-side panels sharing one logarithmic y axis; the x axis of each panel is a row of
 * labelled, evenly spaced categories (N, or percentiles). Each series is a line through its values
 * and, optionally, a hollow dot per fork, so that a bimodal configuration shows as two clusters.
 */
final class Chart {
  private static final int PANEL_W = 520;
  private static final int PANEL_H = 420;
  private static final int MARGIN = 64;
  private static final Map<String, Color> COLORS = Map.of(
      "meshos", new Color(0xD62728),
      "plain-loop", new Color(0x2CA02C),
      "cowal", new Color(0x1F77B4),
      "lock-held", new Color(0x9467BD));

  /** One line: a value per category ({@code NaN}: none) and the forks' values per category. */
  record Series(String name, List<Double> values, List<List<Double>> forks) {}

  /** One panel. */
  record Panel(String title, List<String> categories, List<Series> series) {}

  private Chart() {}

  static void draw(String yUnit, List<Panel> panels, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    double min = Double.MAX_VALUE;
    double max = 0;
    for (Panel p : panels) {
      for (Series s : p.series()) {
        for (double v : s.values()) {
          if (v > 0) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        for (List<Double> f : s.forks()) {
          for (double v : f) {
            if (v > 0) {
              min = Math.min(min, v);
              max = Math.max(max, v);
            }
          }
        }
      }
    }
    double logMin = Math.floor(Math.log10(min == Double.MAX_VALUE ? 1 : min));
    double logMax = Math.ceil(Math.log10(max <= 0 ? 10 : max));
    if (logMax <= logMin) {
      logMax = logMin + 1;
    }
    BufferedImage image = new BufferedImage(panels.size() * PANEL_W, PANEL_H,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int i = 0; i < panels.size(); i++) {
      drawPanel(g, i * PANEL_W, panels.get(i), yUnit, logMin, logMax);
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static void drawPanel(Graphics2D g, int x0, Panel panel, String yUnit, double logMin,
      double logMax) {
    int left = x0 + MARGIN;
    int right = x0 + PANEL_W - 24;
    int top = 64;
    int bottom = PANEL_H - 48;
    g.setStroke(new BasicStroke(1f));
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(panel.title(), left, 22);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawRect(left, top, right - left, bottom - top);
    List<String> categories = panel.categories();
    for (int c = 0; c < categories.size(); c++) {
      int x = xOf(c, categories.size(), left, right);
      g.setColor(new Color(0xDDDDDD));
      g.drawLine(x, top, x, bottom);
      g.setColor(Color.BLACK);
      g.drawString(categories.get(c), x - 3 * categories.get(c).length(), bottom + 16);
    }
    for (double d = logMin; d <= logMax; d++) {
      int y = yOf(d, logMin, logMax, top, bottom);
      g.setColor(new Color(0xDDDDDD));
      g.drawLine(left, y, right, y);
      g.setColor(Color.BLACK);
      g.drawString(pow10(d) + " " + yUnit, x0 + 4, y + 4);
    }
    int legendX = left;
    for (Series s : panel.series()) {
      Color color = COLORS.getOrDefault(s.name(), Color.GRAY);
      g.setColor(color);
      g.setStroke(new BasicStroke(1f));
      for (int c = 0; c < s.forks().size() && c < categories.size(); c++) {
        int x = xOf(c, categories.size(), left, right);
        for (double v : s.forks().get(c)) {
          int y = yOf(Math.log10(v), logMin, logMax, top, bottom);
          g.drawOval(x - 4, y - 4, 8, 8);
        }
      }
      g.setStroke(new BasicStroke(2f));
      int px = -1;
      int py = -1;
      for (int c = 0; c < s.values().size() && c < categories.size(); c++) {
        double v = s.values().get(c);
        if (!(v > 0)) {
          px = -1;
          continue;
        }
        int x = xOf(c, categories.size(), left, right);
        int y = yOf(Math.log10(v), logMin, logMax, top, bottom);
        g.fillOval(x - 3, y - 3, 6, 6);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
      g.drawLine(legendX, 42, legendX + 20, 42);
      g.setColor(Color.BLACK);
      g.drawString(s.name(), legendX + 24, 46);
      legendX += 24 + 7 * s.name().length() + 16;
    }
  }

  private static String pow10(double exponent) {
    double v = Math.pow(10, exponent);
    return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
  }

  private static int xOf(int category, int categories, int left, int right) {
    int pad = 28;
    return categories == 1 ? (left + right) / 2
        : left + pad + (right - left - 2 * pad) * category / (categories - 1);
  }

  private static int yOf(double log10v, double logMin, double logMax, int top, int bottom) {
    return (int) Math.round(bottom - (bottom - top) * (log10v - logMin) / (logMax - logMin));
  }
}
