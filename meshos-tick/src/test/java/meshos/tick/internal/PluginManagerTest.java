package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import meshos.probes.ProbeCounts;
import meshos.tick.Plugin;
import meshos.tick.PluginState;
import meshos.tick.ProviderInfo;
import meshos.tick.ProviderOutcome;
import meshos.tick.UnloadReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Load and unload of a real plugin layer, in process (the child-JVM proof is in meshos-it). */
@Timeout(60)
class PluginManagerTest {
  private static final String FIXTURE = "meshos.tick.internal.fixture.FixtureProvider";

  @TempDir Path dir;
  private final FakePluginHost host = new FakePluginHost();
  private final PluginManager plugins = new PluginManager(host, new ProviderDiscovery(Set.of()));

  @AfterEach
  void stop() {
    plugins.close();
  }

  /** Unloads while this thread runs collections: the test may call System.gc(), the library not. */
  private UnloadReport unloadCollecting(Plugin plugin) throws Exception {
    CompletableFuture<UnloadReport> report =
        CompletableFuture.supplyAsync(() -> plugins.unload(plugin, Duration.ofSeconds(10)));
    while (true) {
      System.gc();
      try {
        return report.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // collect again
      }
    }
  }

  @Test
  void loadRegistersEverythingAndUnloadRemovesItAndTheLoaderIsCollected() throws Exception {
    Plugin plugin = plugins.load(PluginJars.fixture(dir, "fixture.jar"));

    assertEquals("fixture", plugin.name());
    assertEquals(PluginState.LOADED, plugin.state());
    assertEquals(List.of(new ProviderInfo(FIXTURE, "fixture", ProviderOutcome.LOADED,
        java.util.Optional.empty())), plugin.providers());
    assertEquals(List.of(plugin), plugins.list());
    assertArrayEquals(new int[] {42}, host.registry.tryRunAll(), "its handler runs");
    assertEquals(1, host.names.size(), "named for the runtime's reports");
    assertEquals(new ProbeCounts(1, 1, 1), host.probes.counts(), "the bridges");
    assertEquals(1, host.probes.poll().health().size(), "its probe is polled");

    UnloadReport report = unloadCollecting(plugin);

    assertEquals(new UnloadReport("fixture", 1, 1, 1, true, report.elapsed()), report);
    assertEquals(PluginState.COLLECTED, plugin.state());
    assertArrayEquals(new int[0], host.registry.tryRunAll(), "its handler never runs again");
    assertEquals(0, host.probes.counts().total(), "its probe is gone");
    assertTrue(host.names.isEmpty());
    assertEquals(List.of(), plugins.list());
    assertEquals(List.of(), plugins.pendingUnloads());

    UnloadReport again = plugins.unload(plugin, Duration.ofSeconds(10));
    assertEquals(new UnloadReport("fixture", 0, 0, 0, true, Duration.ZERO), again);
  }

  @Test
  void withoutACollectionTheUnloadReportsNotCollectedAndThePluginIsPending() throws Exception {
    Plugin plugin = plugins.load(PluginJars.fixture(dir, "fixture.jar"));
    UnloadReport report = plugins.unload(plugin, Duration.ZERO);
    // A collection may happen on its own; the common case is "not yet".
    if (!report.collected()) {
      assertEquals(PluginState.UNLOADED, plugin.state());
      assertEquals(List.of(plugin), plugins.pendingUnloads());
    }
    for (int i = 0; i < 100 && !plugins.pendingUnloads().isEmpty(); i++) {
      System.gc();
    }
    assertEquals(List.of(), plugins.pendingUnloads());
    assertEquals(PluginState.COLLECTED, plugin.state());
  }

  @Test
  void badJarsLeaveTheRuntimeUnchanged() throws Exception {
    Path missing = dir.resolve("missing.jar");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> plugins.load(missing));
    assertEquals("plugin jar " + missing + ": not found", e.getMessage());
    assertEquals(0, host.registry.size());
    assertEquals(0, host.probes.counts().total());
    assertEquals(List.of(), plugins.list());
  }

  @Test
  void argumentsAreChecked() throws Exception {
    assertEquals("jars", assertThrows(NullPointerException.class,
        () -> plugins.load((Path[]) null)).getMessage());
    assertEquals("jars[1]", assertThrows(NullPointerException.class,
        () -> plugins.load(dir, null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> plugins.load());
    Plugin plugin = plugins.load(PluginJars.fixture(dir, "fixture.jar"));
    assertThrows(IllegalArgumentException.class,
        () -> plugins.unload(plugin, Duration.ofMillis(-1)));
    PluginManager other = new PluginManager(new FakePluginHost(), new ProviderDiscovery(Set.of()));
    assertThrows(IllegalArgumentException.class,
        () -> other.unload(plugin, Duration.ZERO), "not its plugin");
    assertEquals(PluginState.LOADED, plugin.state());
  }

  @Test
  void onTheTickThreadLoadAndUnloadThrow() throws Exception {
    Plugin plugin = plugins.load(PluginJars.fixture(dir, "fixture.jar"));
    host.inTick = true;
    assertThrows(IllegalStateException.class, () -> plugins.load(dir.resolve("x.jar")));
    assertThrows(IllegalStateException.class, () -> plugins.unload(plugin, Duration.ZERO));
    assertEquals(PluginState.LOADED, plugin.state());
    assertEquals(1, host.registry.size());
  }

  @Test
  void excludedProvidersAreNotInstantiated() throws Exception {
    PluginManager excluding =
        new PluginManager(host, new ProviderDiscovery(Set.of(FIXTURE)));
    Plugin plugin = excluding.load(PluginJars.fixture(dir, "fixture.jar"));
    assertEquals(ProviderOutcome.EXCLUDED, plugin.providers().get(0).outcome());
    assertEquals(0, host.registry.size());
    assertFalse(excluding.unload(plugin, Duration.ZERO).handlersRemoved() > 0);
    excluding.close();
  }
}
