package meshos.benchmarks;

/**
 * The P1 result of one configuration of {@link PassBenchmark}: the median over forks of the average
 * ns per pass, the fastest and the slowest fork, and the bytes allocated per pass ({@code NaN} when
 * the run had no GC profiler).
 */
record PassFigure(
    String impl, int classes, int handlers, double median, double min, double max, double alloc) {

  double nsPerHandler() {
    return median / handlers;
  }
}
