package meshos.it.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarOutputStream;
import jdk.jfr.consumer.RecordingStream;
import meshos.api.RecoveryHandler;
import meshos.probes.ProbeCounts;
import meshos.tick.MeshOsRuntime;
import meshos.tick.Plugin;
import meshos.tick.Plugins;
import meshos.tick.TickReport;
import meshos.tick.UnloadReport;

/**
 * Runs one hot-plug scenario in a runtime with manual ticks and prints one line per fact, for
 * {@code PluginIT} to check. Usage: {@code PluginMain <scenario> <plugin-jar-folder>}, scenario
 * one of {@code basic}, {@code automatic}, {@code bad}, {@code cycles}, {@code leak}, {@code tickthread},
 * {@code classpath} (run on the class path: load is refused).
 */
public final class PluginMain {
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  /** What the tick listener does on the next tick. */
  private static final AtomicReference<Runnable> LISTENER = new AtomicReference<>(() -> { });

  private PluginMain() {}

  /**
   * Runs the scenario.
   *
   * @param args the scenario and the folder of the plugin jars
   * @throws Exception if the scenario fails
   */
  public static void main(String[] args) throws Exception {
    Path jars = Path.of(args[1]);
    try (MeshOsRuntime runtime = MeshOsRuntime.builder().name("it").manualTicks()
        .addTickListener(report -> LISTENER.get().run()).build().start()) {
      switch (args[0]) {
        case "basic" -> basic(runtime, jars.resolve("meshos-it-plugin-good.jar"));
        case "automatic" -> automatic(runtime, jars.resolve("meshos-it-plugin-auto.jar"));
        case "bad" -> bad(runtime, jars);
        case "cycles" -> cycles(runtime, jars.resolve("meshos-it-plugin-good.jar"),
            args.length > 2 ? Integer.parseInt(args[2]) : 200);
        case "leak" -> leak(runtime, jars.resolve("meshos-it-plugin-leaky.jar"));
        case "tickthread" -> tickThread(runtime, jars.resolve("meshos-it-plugin-auto.jar"));
        case "classpath" -> OUT.println("classpath load "
            + attempt(() -> runtime.plugins().load(jars.resolve("meshos-it-plugin-good.jar")))
            + " plugins " + runtime.plugins().list().size());
        default -> throw new IllegalArgumentException("scenario " + args[0]);
      }
    }
  }

  private static void basic(MeshOsRuntime runtime, Path jar) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    runtime.actions().offer(() -> await(release)); // the worker waits: plugin actions stay queued
    ProbeCounts probesBefore = runtime.probeRegistry().counts();
    int handlersBefore = runtime.recoveryRegistry().size();

    Plugin plugin = runtime.plugins().load(jar);
    OUT.println("loaded " + plugin.name() + " " + plugin.state() + " " + plugin.providers());
    OUT.println("list " + runtime.plugins().list().size());
    TickReport first = runtime.tick();
    OUT.println("tick slots " + Arrays.toString(first.recoveredSlots()) + " health42 "
        + runtime.snapshot().healthOf(42).map(Enum::name).orElse("none"));
    runtime.tick();

    UnloadReport report = unloadCollecting(runtime.plugins(), plugin);
    OUT.println("report " + counts(report) + " collected=" + report.collected());
    OUT.println("state " + plugin.state() + " list " + runtime.plugins().list().size()
        + " pending " + runtime.plugins().pendingUnloads().size());
    TickReport after = runtime.tick();
    OUT.println("after slots " + Arrays.toString(after.recoveredSlots()) + " handlers "
        + (runtime.recoveryRegistry().size() - handlersBefore) + " probes "
        + (runtime.probeRegistry().counts().equals(probesBefore) ? "as before" : "changed"));
    UnloadReport again = runtime.plugins().unload(plugin, Duration.ofSeconds(10));
    OUT.println("again " + counts(again) + " elapsed " + again.elapsed());
    release.countDown(); // the worker goes on: the discarded actions must not run
  }

  private static void tickThread(MeshOsRuntime runtime, Path jar) {
    Plugin plugin = runtime.plugins().load(jar);
    AtomicReference<String> fromHandler = new AtomicReference<>("not run");
    RecoveryHandler loader = () -> {
      fromHandler.set(attempt(() -> runtime.plugins().load(jar)));
      return new int[0];
    };
    runtime.recoveryRegistry().register(loader);
    AtomicReference<String> fromListener = new AtomicReference<>("not run");
    LISTENER.set(() -> fromListener.set(
        attempt(() -> runtime.plugins().unload(plugin, Duration.ZERO))));
    runtime.tick();
    OUT.println("handler load " + fromHandler.get());
    OUT.println("listener unload " + fromListener.get());
    OUT.println("still " + plugin.state() + " plugins " + runtime.plugins().list().size());
  }

  private static String attempt(Runnable call) {
    try {
      call.run();
      return "done";
    } catch (IllegalStateException e) {
      return "IllegalStateException " + e.getMessage();
    }
  }

  private static void automatic(MeshOsRuntime runtime, Path jar) {
    Plugin plugin = runtime.plugins().load(jar);
    OUT.println("loaded " + plugin.name() + " " + plugin.providers());
    OUT.println("tick slots " + Arrays.toString(runtime.tick().recoveredSlots()));
    OUT.println("report " + counts(runtime.plugins().unload(plugin, Duration.ZERO)));
  }

  private static void bad(MeshOsRuntime runtime, Path jars) throws IOException {
    Path corrupt = Files.writeString(Files.createTempFile("corrupt", ".jar"), "not a zip");
    Path plain = Files.createTempFile("plain", ".jar");
    try (OutputStream out = Files.newOutputStream(plain);
        JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry("x/Y.class"));
      jar.closeEntry();
    }
    refuse(runtime, "missing", jars.resolve("missing.jar"));
    refuse(runtime, "corrupt", corrupt);
    refuse(runtime, "plain", plain);
    refuse(runtime, "split", jars.resolve("meshos-it-plugin-good.jar"),
        jars.resolve("meshos-it-plugin-bad.jar"));
    refuse(runtime, "requires", jars.resolve("meshos-it-plugin-bad.jar"));
    OUT.println("unchanged handlers " + runtime.recoveryRegistry().size() + " probes "
        + runtime.probeRegistry().counts().total() + " plugins "
        + runtime.plugins().list().size());
    Files.delete(corrupt);
    Files.delete(plain);
  }

  private static void refuse(MeshOsRuntime runtime, String label, Path... jars) {
    try {
      runtime.plugins().load(jars);
      OUT.println("bad " + label + " LOADED");
    } catch (IllegalArgumentException e) {
      OUT.println("bad " + label + " " + e.getMessage());
    }
  }

  private static void cycles(MeshOsRuntime runtime, Path jar, int count) throws Exception {
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    for (int i = 0; i < 100; i++) { // warm-up: the runtime's classes load, its code is profiled
      cycle(runtime, jar);
    }
    collectAll(runtime.plugins());
    long loaded = classes.getLoadedClassCount();
    long unloaded = classes.getUnloadedClassCount();
    long metaspace = metaspaceUsed();
    int ok = 0;
    for (int i = 0; i < count; i++) {
      ok += cycle(runtime, jar) ? 1 : 0;
    }
    int pending = collectAll(runtime.plugins());
    OUT.println("cycles " + count + " recovered " + ok + " pending " + pending
        + " unloaded " + (classes.getUnloadedClassCount() - unloaded)
        + " loaded-growth " + (classes.getLoadedClassCount() - loaded)
        + " metaspace-growth-kb " + (metaspaceUsed() - metaspace) / 1024);
  }

  /** One load, tick, unload (not waiting for the collection); true if the handler ran. */
  private static boolean cycle(MeshOsRuntime runtime, Path jar) {
    Plugin plugin = runtime.plugins().load(jar);
    boolean ran = Arrays.equals(new int[] {42}, runtime.tick().recoveredSlots());
    runtime.plugins().unload(plugin, Duration.ZERO);
    return ran;
  }

  private static void leak(MeshOsRuntime runtime, Path jar) throws Exception {
    CountDownLatch leaked = new CountDownLatch(1);
    try (RecordingStream events = new RecordingStream()) {
      events.enable("meshos.PluginLeak");
      events.onEvent("meshos.PluginLeak", e -> {
        OUT.println("event " + e.getString("plugin") + " holders " + e.getString("holders"));
        leaked.countDown();
      });
      events.startAsync();
      Plugin plugin = runtime.plugins().load(jar);
      UnloadReport report = runtime.plugins().unload(plugin, Duration.ofMillis(200));
      OUT.println("report " + counts(report) + " collected=" + report.collected());
      System.gc(); // the test may collect; a leak needs two old-generation collections
      System.gc();
      boolean seen = leaked.await(20, TimeUnit.SECONDS);
      OUT.println("leak seen " + seen + " state " + plugin.state() + " pending "
          + runtime.plugins().pendingUnloads().size());
    }
  }

  /** Unloads on another thread while this one runs collections (tests may; the library never). */
  private static UnloadReport unloadCollecting(Plugins plugins, Plugin plugin) throws Exception {
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

  /** Collects until no unload is pending (at most 50 collections); returns how many still are. */
  private static int collectAll(Plugins plugins) {
    for (int i = 0; i < 50 && !plugins.pendingUnloads().isEmpty(); i++) {
      System.gc();
    }
    return plugins.pendingUnloads().size();
  }

  private static long metaspaceUsed() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace")) {
        return pool.getUsage().getUsed();
      }
    }
    return 0;
  }

  private static String counts(UnloadReport r) {
    return r.plugin() + " handlers=" + r.handlersRemoved() + " probes=" + r.probesRemoved()
        + " actions=" + r.actionsDiscarded();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
