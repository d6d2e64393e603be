package meshos.benchmarks;

import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryHandler;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P8: latency of {@code register()} followed by {@code unregister()} of the calling thread's own
 * handler, from as many benchmark threads as JMH runs ({@code -t 1}, {@code 4}, {@code 8}), while
 * one more thread runs passes back to back over {@value #PASS_HANDLERS} no-op handlers of eight
 * classes (a pass takes and releases the registry's lock twice, every few microseconds). One sample
 * is one register + unregister pair; sample-time percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RegisterContentionBenchmark {
  static final int PASS_HANDLERS = 1000;

  /** Implementation, see {@link Implementation}. */
  @Param({"meshos", "cowal", "lock-held"})
  public String impl;

  private RecoveryRegistry registry;
  private Thread passes;
  private volatile boolean running;

  /** Each benchmark thread's own handler (a distinct instance per thread). */
  @State(Scope.Thread)
  public static class Probe {
    final RecoveryHandler handler = new NoopHandlers.H0();
  }

  /** Registers the pass's handlers and starts the pass thread. */
  @Setup(Level.Trial)
  public void startPasses() {
    registry = Implementation.create(impl);
    for (int i = 0; i < PASS_HANDLERS; i++) {
      registry.register(NoopHandlers.create(i));
    }
    running = true;
    passes = new Thread(() -> {
      while (running) {
        registry.tryRunAll();
      }
    }, "passes");
    passes.setDaemon(true);
    passes.start();
  }

  /**
   * Stops the pass thread.
   *
   * @throws InterruptedException if interrupted while joining it
   */
  @TearDown(Level.Trial)
  public void stopPasses() throws InterruptedException {
    running = false;
    passes.join();
  }

  /**
   * One register + unregister of the thread's own handler.
   *
   * @param probe the thread's handler
   * @return whether it was unregistered (always)
   */
  @Benchmark
  public boolean registerAndUnregister(Probe probe) {
    registry.register(probe.handler);
    return registry.unregister(probe.handler);
  }
}
