package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import meshos.probes.HealthSample;
import meshos.probes.NodeHealth;
import meshos.probes.ProbeCounts;
import meshos.probes.ProbeKind;
import meshos.probes.ProbeReadings;
import meshos.probes.ProbeRegistry;
import meshos.probes.RttSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PluginProbesTest {
  private final ProbeRegistry runtime = new ProbeRegistry();
  private final AtomicLong tick = new AtomicLong();
  private final PluginProbes probes = new PluginProbes("p", tick::get);

  @Test
  void thePluginsProbesArePolledOncePerTickThroughTheBridges() {
    AtomicInteger calls = new AtomicInteger();
    runtime.addHealthProbe(() -> List.of(new HealthSample(1, NodeHealth.HEALTHY)));
    probes.attach(runtime);
    assertEquals(new ProbeCounts(1, 2, 1), runtime.counts());
    probes.registry().addHealthProbe(() -> {
      calls.incrementAndGet();
      return List.of(new HealthSample(2, NodeHealth.DEGRADED));
    });
    probes.registry().addLocalityProbe(
        () -> List.of(new RttSample(2, Duration.ofMillis(3))));

    ProbeReadings r = runtime.poll();
    assertEquals(NodeHealth.HEALTHY, r.health().get(1L));
    assertEquals(NodeHealth.DEGRADED, r.health().get(2L));
    assertEquals(Duration.ofMillis(3), r.rtt().get(2L));
    assertEquals(1, calls.get(), "one poll of the plugin's probes per tick");
    tick.incrementAndGet();
    runtime.poll();
    assertEquals(2, calls.get());

    assertEquals(2, probes.detach(runtime));
    assertEquals(new ProbeCounts(0, 1, 0), runtime.counts(), "only the runtime's own probe");
    assertEquals(0, probes.registry().counts().total());
    runtime.poll();
    assertEquals(2, calls.get(), "never polled again");
  }

  @Test
  void aFailingPluginProbeFailsItsKindsBridgeWithItAsCause() {
    IllegalStateException boom = new IllegalStateException("boom");
    probes.attach(runtime);
    probes.registry().addHealthProbe(() -> {
      throw boom;
    });
    probes.registry().addLocalityProbe(() -> List.of(new RttSample(5, Duration.ofMillis(1))));
    ProbeReadings r = runtime.poll();
    assertEquals(1, r.failures().size());
    assertEquals(ProbeKind.HEALTH, r.failures().get(0).kind());
    assertInstanceOf(PluginProbes.PluginProbeException.class, r.failures().get(0).cause());
    assertSame(boom, r.failures().get(0).cause().getCause());
    assertTrue(r.failures().get(0).cause().getMessage().startsWith("plugin 'p': HEALTH probe"));
    assertEquals(Duration.ofMillis(1), r.rtt().get(5L), "the other kinds are not affected");
  }

  @Test
  void withoutProbesTheBridgesReturnNothing() {
    probes.attach(runtime);
    ProbeReadings r = runtime.poll();
    assertTrue(r.rtt().isEmpty() && r.health().isEmpty() && r.failures().isEmpty());
    assertEquals(0, probes.detach(runtime));
    assertEquals(0, runtime.counts().total());
  }
}
