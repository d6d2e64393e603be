package meshos.benchmarks;

import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P9, the headline: one pass over {@code handlers} realistic handlers ({@link GroupHandlers}: each
 * reads its own group's volatile unhealthy count first, eight classes, shuffled in memory). The
 * same seed gives every implementation and every fork the same handlers in the same order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public class RealisticPassBenchmark {
  /** The seed of the handlers' classes and memory order. */
  static final long SEED = 0x13L;

  /** Number of handlers. */
  @Param({"1000", "10000", "100000"})
  public int handlers;

  /** Implementation, see {@link Implementation}. */
  @Param({"meshos", "plain-loop", "cowal"})
  public String impl;

  private RecoveryRegistry registry;

  /** Builds the registry, then compacts the heap (keeping the shuffled order). */
  @Setup(Level.Trial)
  public void setUp() {
    registry = Implementation.create(impl);
    Implementation.registerAll(registry, GroupHandlers.shuffled(handlers, SEED));
    System.gc();
  }

  /**
   * One pass.
   *
   * @return the slots recovered (none)
   */
  @Benchmark
  public int[] pass() {
    return registry.tryRunAll();
  }
}
