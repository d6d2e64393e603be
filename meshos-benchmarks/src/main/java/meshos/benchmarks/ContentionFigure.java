package meshos.benchmarks;

/**
 * P8's result for one implementation and thread count: sample-time percentiles of one register +
 * unregister pair, in microseconds, over all forks' samples, and the number of samples.
 */
record ContentionFigure(String impl, int threads, double p50, double p99, double p999,
    double p9999, double max, long samples) {

  /** The percentiles in the order of {@link #LABELS}. */
  double[] values() {
    return new double[] {p50, p99, p999, p9999, max};
  }

  /** The names of {@link #values()}. */
  static final String[] LABELS = {"p50", "p99", "p99.9", "p99.99", "max"};
}
