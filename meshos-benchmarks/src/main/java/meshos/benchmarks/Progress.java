package meshos.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * The suite's progress on the console: the step being run, and for a JMH run which configuration
 * of how many, with the time elapsed since the suite started. Everything else JMH would print is
 * dropped (the suite prints the figures itself).
 */
final class Progress implements OutputFormat {
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private String step = "";
  private int configurations;
  private int configuration;

  Progress(PrintStream out) {
    this.out = out;
  }

  /** Announces step {@code index} of {@code steps}; a JMH step then has {@code configurations}. */
  void step(int index, int steps, String what, int configurations) {
    this.step = what;
    this.configurations = configurations;
    this.configuration = 0;
    out.printf(Locale.ROOT, "[%s] step %d/%d: %s%n", elapsed(), index, steps, what);
  }

  /** Prints a line of progress within the current step. */
  void note(String line) {
    out.printf(Locale.ROOT, "[%s]   %s%n", elapsed(), line);
  }

  String elapsed() {
    long s = (System.nanoTime() - startNanos) / 1_000_000_000L;
    return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }

  @Override
  public void startBenchmark(BenchmarkParams params) {
    configuration++;
    StringBuilder what = new StringBuilder();
    for (String key : params.getParamsKeys()) {
      what.append(' ').append(key).append('=').append(params.getParam(key));
    }
    note(String.format(Locale.ROOT, "%s %d/%d:%s, %d thread(s), %d fork(s)", step, configuration,
        configurations, what, params.getThreads(), params.getForks()));
  }

  @Override
  public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {}

  @Override
  public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
      IterationResult data) {}

  @Override
  public void endBenchmark(BenchmarkResult result) {}

  @Override
  public void startRun() {}

  @Override
  public void endRun(Collection<RunResult> result) {}

  @Override
  public void print(String s) {}

  @Override
  public void println(String s) {
    if (s.contains("<failure>") || s.contains("Exception") || s.contains("Error")) {
      out.println(s); // a failing fork: the suite stops (failOnError), the cause is shown
    }
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {}

  @Override
  public void verbosePrintln(String s) {}

  @Override
  public void write(int b) {}

  @Override
  public void write(byte[] b) throws IOException {}
}
