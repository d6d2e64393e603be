package meshos.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The fork scores of one configuration (one N, one class count) across implementations, split into
 * a fast and a slow mode when they are bimodal, so that a ratio compares like with like.
 *
 * <p>An implementation is bimodal when two of its sorted fork scores are {@value #GAP}× apart or
 * more; its own split is at the widest such gap. A configuration is bimodal when one of its
 * implementations is; the others' forks are then classified by the bimodal ones' split (the
 * geometric mean of their splits), so that every implementation is reported in both modes, with
 * 0 forks in a mode it never landed in.
 */
final class Modes {
  static final double GAP = 2.0;

  private final double split;

  private Modes(double split) {
    this.split = split;
  }

  /** The modes of a configuration whose implementations' sorted fork scores are {@code forks}. */
  static Modes of(Collection<List<Double>> forks) {
    double logSum = 0;
    int bimodal = 0;
    for (List<Double> f : forks) {
      double own = ownSplit(f);
      if (!Double.isNaN(own)) {
        logSum += Math.log(own);
        bimodal++;
      }
    }
    return new Modes(bimodal == 0 ? Double.NaN : Math.exp(logSum / bimodal));
  }

  private static double ownSplit(List<Double> sorted) {
    double widest = GAP;
    double split = Double.NaN;
    for (int i = 1; i < sorted.size(); i++) {
      double ratio = sorted.get(i) / sorted.get(i - 1);
      if (ratio >= widest) {
        widest = ratio;
        split = Math.sqrt(sorted.get(i) * sorted.get(i - 1));
      }
    }
    return split;
  }

  boolean bimodal() {
    return !Double.isNaN(split);
  }

  /** The forks of {@code sorted} in the fast mode (all of them when not bimodal). */
  List<Double> fast(List<Double> sorted) {
    List<Double> fast = new ArrayList<>();
    for (double s : sorted) {
      if (!bimodal() || s < split) {
        fast.add(s);
      }
    }
    return fast;
  }

  /** The forks of {@code sorted} in the slow mode (none when not bimodal). */
  List<Double> slow(List<Double> sorted) {
    List<Double> slow = new ArrayList<>();
    for (double s : sorted) {
      if (bimodal() && s >= split) {
        slow.add(s);
      }
    }
    return slow;
  }

  /**
   * {@code "fast 3/5 at 812.0, slow 2/5 at 4 351.2"} (median of each mode, divided by {@code
   * per}), or {@code ""} when not bimodal.
   */
  String describe(List<Double> sorted, double per) {
    if (!bimodal()) {
      return "";
    }
    int n = sorted.size();
    return String.format(Locale.ROOT, "fast %d/%d at %s, slow %d/%d at %s", fast(sorted).size(), n,
        format(Stats.median(fast(sorted)) / per), slow(sorted).size(), n,
        format(Stats.median(slow(sorted)) / per));
  }

  /**
   * Ratios of {@code a} to {@code b} compared like with like: the ratio of the medians when not
   * bimodal, else the fast-mode ratio and the slow-mode ratio ({@code NaN} for a mode one of them
   * never landed in).
   */
  double[] ratios(List<Double> a, List<Double> b) {
    if (!bimodal()) {
      return new double[] {Stats.median(a) / Stats.median(b)};
    }
    return new double[] {Stats.median(fast(a)) / Stats.median(fast(b)),
        Stats.median(slow(a)) / Stats.median(slow(b))};
  }

  private static String format(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, v < 10 ? "%.3f" : "%.1f", v);
  }
}
