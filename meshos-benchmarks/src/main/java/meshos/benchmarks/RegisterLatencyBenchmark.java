package meshos.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * P2: latency of {@code register()} (followed by {@code unregister()} of the same handler, so the
 * registry does not grow) from the benchmark thread while another thread runs passes back to back
 * over 20 handlers that each take 1 ms: 20 ms per pass.
 *
 * <p>Each operation first waits (spinning) until a pass is running, so that every sample is a call
 * made during a pass; the wait is part of the sample but lasts only the gap between two passes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class RegisterLatencyBenchmark {
  private static final int SLOW_HANDLERS = 20;

  @Param({"meshos", "lock-held"})
  public String impl;

  private RecoveryRegistry registry;
  private Thread passes;
  private volatile boolean running;
  private volatile boolean inPass;
  private final RecoveryHandler probe = () -> NoopHandlers.NONE;

  @Setup(Level.Trial)
  public void startPasses() {
    registry = Implementation.create(impl);
    for (int i = 0; i < SLOW_HANDLERS; i++) {
      boolean first = i == 0;
      boolean last = i == SLOW_HANDLERS - 1;
      registry.register(() -> {
        if (first) {
          inPass = true;
        }
        LockSupport.parkNanos(1_000_000L);
        if (last) {
          inPass = false;
        }
        return NoopHandlers.NONE;
      });
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

  @TearDown(Level.Trial)
  public void stopPasses() throws InterruptedException {
    running = false;
    passes.join();
  }

  @Benchmark
  public boolean registerDuringPass() {
    while (!inPass) {
      Thread.onSpinWait();
    }
    registry.register(probe);
    return registry.unregister(probe);
  }
}
