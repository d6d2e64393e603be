package meshos.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import meshos.tick.MeshOsRuntime;
import meshos.tick.Plugin;
import meshos.tick.TickReport;
import meshos.tick.UnloadReport;

/**
 * The demo's hot-plug step: once tick {@value #LOAD_AFTER} is done, the standby plugin jar is
 * loaded into a layer of its own; its handler re-places slot {@value Story#PLUGIN_SLOT} at the
 * next tick; then the plugin is unloaded and the report says what was removed and whether its class
 * loader was collected. Runs on the demo's main thread (plugins are never loaded or unloaded on
 * the tick thread); the tick listener only counts latches down.
 */
final class HotPlugStep {
  static final long LOAD_AFTER = 10;

  private final Path jar;
  private final CountDownLatch loadNow = new CountDownLatch(1);
  private final CountDownLatch handlerRan = new CountDownLatch(1);
  private volatile boolean done;

  private HotPlugStep(Path jar) {
    this.jar = jar;
  }

  /**
   * The step for {@code --plugin=<jar>}, else for the jar in {@code demo-plugins} beside the demo's
   * own jar or classes; empty if there is none, or if meshos runs on the class path (a plugin's
   * layer needs {@code meshos.api} in a named module).
   */
  static Optional<HotPlugStep> find(String[] args) throws IOException {
    if (!MeshOsRuntime.class.getModule().isNamed()) {
      return Optional.empty(); // plugin layers need meshos.api in a named module
    }
    for (String arg : args) {
      if (arg.startsWith("--plugin=")) {
        return Optional.of(new HotPlugStep(Path.of(arg.substring("--plugin=".length()))));
      }
    }
    Optional<Path> dir;
    try {
      dir = Optional.ofNullable(Path.of(
              Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent())
          .map(parent -> parent.resolve("demo-plugins"))
          .filter(Files::isDirectory);
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    try (Stream<Path> jars = Files.list(dir.get())) {
      return jars.filter(p -> p.toString().endsWith(".jar")).sorted().findFirst()
          .map(HotPlugStep::new);
    }
  }

  /** The tick listener's part (tick thread): tells the main thread when to act. */
  void onTick(TickReport report) {
    if (report.tick() == LOAD_AFTER) {
      loadNow.countDown();
    }
    for (int slot : report.recoveredSlots()) {
      if (slot == Story.PLUGIN_SLOT) {
        handlerRan.countDown();
      }
    }
  }

  /** Whether the step is over (the demo ends no earlier); any thread. */
  boolean done() {
    return done;
  }

  /** The main thread's part: load, wait for the plugin's handler to run, unload. */
  void run(MeshOsRuntime runtime, PrintStream out, long waitMs) throws InterruptedException {
    try {
      loadRunUnload(runtime, out, waitMs);
    } finally {
      done = true;
    }
  }

  private void loadRunUnload(MeshOsRuntime runtime, PrintStream out, long waitMs)
      throws InterruptedException {
    if (!loadNow.await(waitMs, TimeUnit.MILLISECONDS)) {
      return;
    }
    Plugin plugin = runtime.plugins().load(jar);
    out.println("plugin " + plugin.name() + " loaded after tick " + LOAD_AFTER + ": "
        + plugin.providers().stream().map(p -> p.className() + " " + p.outcome())
            .collect(Collectors.joining(", ")));
    if (!handlerRan.await(waitMs, TimeUnit.MILLISECONDS)) {
      out.println("plugin " + plugin.name() + ": its handler did not run");
    }
    UnloadReport report = unloadCollecting(runtime, plugin);
    out.println("plugin " + report.plugin() + " unloaded: " + report.handlersRemoved()
        + " handler(s) removed, " + report.probesRemoved() + " probe(s), "
        + report.actionsDiscarded() + " queued action(s) discarded; class loader collected: "
        + report.collected() + " (" + report.elapsed().toMillis() + " ms), state "
        + plugin.state());
  }

  /**
   * Unloads on another thread while this one asks for collections: the library never calls
   * {@code System.gc()}, but an application that wants the verdict now may.
   */
  private static UnloadReport unloadCollecting(MeshOsRuntime runtime, Plugin plugin)
      throws InterruptedException {
    CompletableFuture<UnloadReport> unload = CompletableFuture.supplyAsync(
        () -> runtime.plugins().unload(plugin, Duration.ofSeconds(10)));
    while (true) {
      System.gc();
      try {
        return unload.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // collect again
      } catch (ExecutionException e) {
        throw new IllegalStateException("unload failed", e.getCause());
      }
    }
  }
}
