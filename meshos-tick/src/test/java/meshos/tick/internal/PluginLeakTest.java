package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import meshos.api.RecoveryHandler;
import meshos.tick.Plugin;
import meshos.tick.PluginState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A plugin kept alive after its unload is a leak after two old-generation collections. */
@Timeout(60)
class PluginLeakTest {
  @TempDir Path dir;
  private final FakePluginHost host = new FakePluginHost();
  private final AtomicLong oldCollections = new AtomicLong(100);
  private final PluginManager plugins =
      new PluginManager(host, new ProviderDiscovery(Set.of()), oldCollections::get);

  @Test
  void aLeakIsReportedOnceNamingTheThreadAndTheHandlerThatHoldIt() throws Exception {
    Path jfr = Files.createTempFile(dir, "leak", ".jfr");
    CountDownLatch release = new CountDownLatch(1);
    Plugin plugin = plugins.load(PluginJars.fixture(dir, "fixture.jar"));
    RecoveryHandler handler = host.names.keySet().iterator().next();
    host.elsewhere.add(handler); // registered through another path: it holds the loader
    Thread holder = new Thread(() -> awaitQuietly(release), "plugin-holder");
    holder.setContextClassLoader(handler.getClass().getClassLoader());
    holder.start();
    handler = null;
    try (Recording recording = new Recording()) {
      recording.enable(PluginLeakEvent.class);
      recording.start();

      assertFalse(plugins.unload(plugin, Duration.ZERO).collected());
      plugins.checkLeaksNow();
      oldCollections.addAndGet(1);
      plugins.checkLeaksNow();
      assertEquals(PluginState.UNLOADED, plugin.state(), "one collection is not enough");
      oldCollections.addAndGet(1);
      plugins.checkLeaksNow();
      assertEquals(PluginState.LEAKED, plugin.state());
      oldCollections.addAndGet(5);
      plugins.checkLeaksNow();
      assertEquals(List.of(plugin), plugins.pendingUnloads());

      recording.stop();
      recording.dump(jfr);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
    assertEquals(1, events.size(), "reported once: " + events);
    RecordedEvent event = events.get(0);
    assertEquals("fixture", event.getString("plugin"));
    assertEquals("test", event.getString("runtime"));
    assertEquals(2, event.getLong("oldCollections"));
    String holders = event.getString("holders");
    assertTrue(holders.contains("thread \"plugin-holder\" (its context class loader is the"
        + " plugin's)"), holders);
    assertTrue(holders.contains("still registered in runtime 'test' through another path"),
        holders);

    release.countDown();
    holder.join(TimeUnit.SECONDS.toMillis(10));
    holder.setContextClassLoader(null); // a terminated Thread keeps its context class loader
    host.elsewhere.clear();
    for (int i = 0; i < 200 && !plugins.pendingUnloads().isEmpty(); i++) {
      System.gc();
    }
    assertEquals(PluginState.COLLECTED, plugin.state(), "the holders let go: collected");
    plugins.close();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
