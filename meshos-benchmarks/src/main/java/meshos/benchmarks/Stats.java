package meshos.benchmarks;

import java.util.List;

/** Small statistics over sorted samples. */
final class Stats {
  private Stats() {}

  /** The median of {@code sorted} (ascending), {@code NaN} when empty. */
  static double median(List<Double> sorted) {
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The nearest-rank {@code p}-th percentile of {@code sorted} (ascending), 0 when empty. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
