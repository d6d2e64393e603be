package meshos.benchmarks;

import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1, P3, P5: one pass over {@code handlers} no-op handlers of {@code classes} distinct classes.
 * Run with {@code -prof gc} for the allocation per pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public class PassBenchmark {
  @Param({"1", "16", "256", "1024", "4096", "65536"})
  public int handlers;

  @Param({"1", "8"})
  public int classes;

  @Param({"meshos", "plain-loop", "cowal", "lock-held"})
  public String impl;

  private RecoveryRegistry registry;

  @Setup
  public void setUp() {
    registry = Implementation.create(impl);
    for (int i = 0; i < handlers; i++) {
      registry.register(NoopHandlers.create(i % classes));
    }
  }

  @Benchmark
  public int[] pass() {
    return registry.tryRunAll();
  }
}
