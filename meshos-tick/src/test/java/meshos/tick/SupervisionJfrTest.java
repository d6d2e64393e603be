package meshos.tick;

import static meshos.tick.Handlers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import meshos.tick.internal.EvictionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** meshos.Eviction carries what became of the handler: EVICTED, QUARANTINED, GIVEN_UP. */
@Timeout(60)
class SupervisionJfrTest {
  private static final long S = 1_000_000_000L;

  @Test
  void theEvictionEventCarriesTheOutcome() throws Exception {
    Path file = Files.createTempFile("meshos-superv", ".jfr");
    AtomicLong clock = new AtomicLong(5 * S);
    try (Recording recording = new Recording()) {
      recording.enable(EvictionEvent.class);
      recording.start();
      try (MeshOsRuntime plain = MeshOsRuntime.builder().name("plain").manualTicks()
              .discoverProviders(false).build().start();
          MeshOsRuntime supervised = MeshOsRuntime.builder().name("supervised").manualTicks()
              .discoverProviders(false).nanoClock(clock::get)
              .supervision(Supervision.restartWithBackoff(Duration.ofSeconds(1),
                  Duration.ofSeconds(1)).maxRestarts(1, Duration.ofMinutes(1)))
              .build().start()) {
        plain.recoveryRegistry().register(named("once", () -> {
          throw new IllegalStateException("plain");
        }));
        plain.tick();
        supervised.recoveryRegistry().register(named("always", () -> {
          throw new IllegalStateException("supervised");
        }));
        supervised.tick(); // quarantined
        clock.addAndGet(S);
        supervised.tick(); // restarted, fails again: given up
      }
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> evictions = RecordingFile.readAllEvents(file).stream()
        .filter(e -> e.getEventType().getName().equals("meshos.Eviction")).toList();
    Files.delete(file);
    assertEquals(List.of("plain once EVICTED", "supervised always QUARANTINED",
        "supervised always GIVEN_UP"), evictions.stream()
        .map(e -> e.getString("runtime") + " " + e.getString("handler") + " "
            + e.getString("outcome")).toList());
  }
}
