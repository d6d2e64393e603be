package meshos.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import meshos.tick.MeshOsRuntime;
import meshos.tick.Supervision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeshOsMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MeshOsMetrics metrics = new MeshOsMetrics(Tags.of("app", "test"));
  private final MeshOsRuntime runtime = MeshOsRuntime.builder()
      .name("node-7")
      .manualTicks()
      .discoverProviders(false)
      .addTickListener(metrics)
      .build();

  @AfterEach
  void close() {
    runtime.close();
    registry.close();
  }

  @Test
  void countersAndGaugesFollowStatsTaggedWithTheRuntimeName() {
    metrics.observe(runtime).bindTo(registry);
    runtime.start();
    runtime.recoveryRegistry().register(() -> new int[] {3, 4});
    runtime.recoveryRegistry().register(() -> {
      throw new IllegalStateException("deliberate");
    });

    runtime.tick();
    runtime.tick();

    assertEquals(2, counter("meshos.ticks"));
    assertEquals(3, counter("meshos.handler.runs"));    // 2 in the first tick, 1 in the second
    assertEquals(4, counter("meshos.slots.recovered"));
    assertEquals(1, counter("meshos.handler.evictions"));
    assertEquals(0, counter("meshos.probe.failures"));
    assertEquals(1, gauge("meshos.handlers"));
    assertEquals(1, gauge("meshos.running"));
    TimeGauge last = registry.get("meshos.tick.last.duration").timeGauge();
    assertEquals((double) runtime.stats().lastTickDuration().toNanos(), last.value(TimeUnit.NANOSECONDS),
        1.0);
    for (Meter meter : registry.getMeters()) {
      assertEquals("node-7", meter.getId().getTag("runtime"), meter.getId().getName());
      assertEquals("test", meter.getId().getTag("app"), meter.getId().getName());
    }

    runtime.close();
    assertEquals(0, gauge("meshos.running"));
  }

  @Test
  void supervisionsRestartsAndGiveUpsAreCounted() {
    AtomicLong nanos = new AtomicLong();
    try (MeshOsRuntime supervised = MeshOsRuntime.builder()
        .name("node-8")
        .manualTicks()
        .discoverProviders(false)
        .nanoClock(nanos::get)
        .supervision(Supervision.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
            .maxRestarts(1, Duration.ofHours(1)))
        .build()) {
      new MeshOsMetrics().observe(supervised).bindTo(registry);
      supervised.start();
      supervised.recoveryRegistry().register(() -> {
        throw new IllegalStateException("always fails");
      });
      for (int i = 0; i < 4; i++) {
        supervised.tick();
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
      }

      assertEquals(1, supervised.stats().restarts(), "restarted once, then given up");
      assertEquals(1, supervised.stats().givenUp());
      assertEquals(1, registry.get("meshos.handler.restarts").tag("runtime", "node-8")
          .functionCounter().count());
      assertEquals(1, registry.get("meshos.handler.given.up").tag("runtime", "node-8")
          .functionCounter().count());
    }
  }

  @Test
  void actionsAreCountedByOutcome() throws InterruptedException {
    metrics.observe(runtime).bindTo(registry);
    runtime.start();
    java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(2);
    runtime.actions().offer(ran::countDown);
    runtime.actions().offer(() -> {
      ran.countDown();
      throw new IllegalStateException("deliberate");
    });
    assertTrue(ran.await(10, TimeUnit.SECONDS));
    runtime.close();                                    // waits for the worker: counts are final
    runtime.actions().offer(() -> { });                 // refused: closed

    assertEquals(1, actions("run"));
    assertEquals(1, actions("failed"));
    assertEquals(1, actions("dropped"));
    assertEquals(0, actions("abandoned"));
  }

  @Test
  void tickTimersRecordEveryTickWithPercentiles() {
    AtomicInteger calls = new AtomicInteger();
    metrics.observe(runtime).bindTo(registry);
    runtime.start();
    runtime.recoveryRegistry().register(() -> {
      calls.incrementAndGet();
      return new int[0];
    });

    for (int i = 0; i < 5; i++) {
      runtime.tick();
    }

    Timer duration = registry.get("meshos.tick.duration").timer();
    Timer lateness = registry.get("meshos.tick.lateness").timer();
    assertEquals(5, duration.count());
    assertEquals(5, lateness.count());
    assertEquals(0.0, lateness.totalTime(TimeUnit.NANOSECONDS));   // manual ticks are never late
    assertTrue(duration.totalTime(TimeUnit.NANOSECONDS) > 0);
    ValueAtPercentile[] percentiles = duration.takeSnapshot().percentileValues();
    assertEquals(3, percentiles.length);
    assertEquals(0.99, percentiles[2].percentile());
    assertEquals(5, calls.get());
  }

  @Test
  void eachRegistryBoundGetsTheTicksOnceAndBindingTwiceChangesNothing() {
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.observe(runtime).bindTo(registry);
    metrics.bindTo(registry);
    metrics.bindTo(second);
    runtime.start();

    runtime.tick();

    assertEquals(1, registry.get("meshos.tick.duration").timer().count());
    assertEquals(1, second.get("meshos.tick.duration").timer().count());
    assertEquals(1, second.get("meshos.ticks").functionCounter().count());
    second.close();
  }

  @Test
  void ticksBeforeBindingAreNotTimedButCounted() {
    metrics.observe(runtime);
    runtime.start();
    runtime.tick();

    metrics.bindTo(registry);
    runtime.tick();

    assertEquals(1, registry.get("meshos.tick.duration").timer().count());
    assertEquals(2, counter("meshos.ticks"));
  }

  @Test
  void misuseIsRefusedWithTheReason() {
    NullPointerException npe = assertThrows(NullPointerException.class,
        () -> metrics.observe(nullRuntime()));
    assertEquals("runtime", npe.getMessage());
    IllegalStateException unbound = assertThrows(IllegalStateException.class,
        () -> metrics.bindTo(registry));
    assertTrue(unbound.getMessage().contains("observe(runtime)"), unbound.getMessage());

    assertSame(metrics, metrics.observe(runtime).observe(runtime));
    try (MeshOsRuntime other = MeshOsRuntime.builder().name("other").manualTicks().build()) {
      IllegalStateException twice = assertThrows(IllegalStateException.class,
          () -> metrics.observe(other));
      assertTrue(twice.getMessage().contains("node-7"), twice.getMessage());
    }
    assertEquals("tags", assertThrows(NullPointerException.class,
        () -> new MeshOsMetrics(nullTags())).getMessage());
  }

  private double counter(String name) {
    FunctionCounter counter = registry.get(name).functionCounter();
    return counter.count();
  }

  private double gauge(String name) {
    Gauge gauge = registry.get(name).gauge();
    return gauge.value();
  }

  private double actions(String outcome) {
    return registry.get("meshos.actions").tag("outcome", outcome).functionCounter().count();
  }

  @SuppressWarnings("NullAway")
  private static MeshOsRuntime nullRuntime() {
    return null;
  }

  @SuppressWarnings("NullAway")
  private static Tags nullTags() {
    return null;
  }
}
