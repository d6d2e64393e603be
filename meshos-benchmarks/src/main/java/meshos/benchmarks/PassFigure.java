package meshos.benchmarks;

import java.util.List;

/**
 * The result of one configuration of {@link PassBenchmark} (P1) or {@link RealisticPassBenchmark}
 * (P9): the average ns per pass of each fork, sorted, and the bytes allocated per pass ({@code NaN}
 * when the run had no GC profiler).
 */
record PassFigure(String impl, int classes, int handlers, List<Double> forks, double alloc) {
  PassFigure {
    forks = List.copyOf(forks);
  }

  double median() {
    return Stats.median(forks);
  }

  double min() {
    return forks.get(0);
  }

  double max() {
    return forks.get(forks.size() - 1);
  }

  double nsPerHandler() {
    return median() / handlers;
  }
}
