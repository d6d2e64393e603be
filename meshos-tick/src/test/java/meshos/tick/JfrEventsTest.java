package meshos.tick;

import static meshos.tick.Handlers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import meshos.tick.internal.ActionDroppedEvent;
import meshos.tick.internal.EvictionEvent;
import meshos.tick.internal.TickEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A short JFR recording shows ticks, evictions and dropped actions with their fields. */
@Timeout(60)
class JfrEventsTest {

  @Test
  void ticksEvictionsAndDroppedActionsAreRecorded() throws Exception {
    Path file = Files.createTempFile("meshos", ".jfr");
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (Recording recording = new Recording()) {
      recording.enable(TickEvent.class);
      recording.enable(EvictionEvent.class);
      recording.enable(ActionDroppedEvent.class);
      recording.start();
      MeshOsRuntime runtime = MeshOsRuntime.builder().name("jfr").manualTicks()
          .discoverProviders(false).actionQueueCapacity(1).build().start();
      try {
        runtime.recoveryRegistry().register(() -> new int[] {3});
        runtime.recoveryRegistry().register(named("bad-handler", () -> {
          throw new IllegalStateException("broken");
        }));
        runtime.tick();
        runtime.tick();
        assertTrue(runtime.actions().offer(() -> {
          running.countDown();
          await(release);
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertTrue(runtime.actions().offer(() -> { }));
        assertFalse(runtime.actions().offer(() -> { }), "the queue of one is full");
      } finally {
        release.countDown();
        runtime.close();
      }
      assertFalse(runtime.actions().offer(() -> { }), "closed");
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    Files.delete(file);

    List<RecordedEvent> ticks = ofType(events, "meshos.Tick");
    assertEquals(2, ticks.size());
    RecordedEvent first = ticks.get(0);
    assertEquals("jfr", first.getString("runtime"));
    assertEquals(1, first.getLong("tick"));
    assertEquals(2, first.getInt("handlersRun"));
    assertEquals(1, first.getInt("slotsRecovered"));
    assertEquals(1, first.getInt("evictions"));
    assertFalse(first.getBoolean("overBudget"));
    assertTrue(first.getDuration().toNanos() > 0);
    assertEquals(2, ticks.get(1).getLong("tick"));
    assertEquals(1, ticks.get(1).getInt("handlersRun"));
    assertEquals(0, ticks.get(1).getInt("evictions"));

    List<RecordedEvent> evictions = ofType(events, "meshos.Eviction");
    assertEquals(1, evictions.size());
    assertEquals("bad-handler", evictions.get(0).getString("handler"));
    assertEquals(IllegalStateException.class.getName(), evictions.get(0).getString("causeClass"));
    assertEquals("broken", evictions.get(0).getString("causeMessage"));

    List<RecordedEvent> dropped = ofType(events, "meshos.ActionDropped");
    assertEquals(2, dropped.size());
    assertEquals("meshos-actions-jfr", dropped.get(0).getString("queue"));
    assertEquals("full", dropped.get(0).getString("reason"));
    assertEquals("closed", dropped.get(1).getString("reason"), "issue 16.4");
  }

  private static List<RecordedEvent> ofType(List<RecordedEvent> events, String name) {
    return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
