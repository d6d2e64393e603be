package meshos.it.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hot plug in a child JVM, as users run it: meshos on the module path, plugin jars built by this
 * build loaded from their own folder by {@code runtime.plugins()}.
 */
class PluginIT {
  private static final Path LIBS = Path.of(System.getProperty("it.libs"));
  private static final Path JAR = Path.of(System.getProperty("it.jar"));
  private static final Path PLUGINS = Path.of(System.getProperty("it.plugins"));

  /** What the child printed on stdout, line by line, and on stderr. */
  private record Run(List<String> out, String err) {
    String line(String prefix) {
      return out.stream().filter(l -> l.startsWith(prefix)).findFirst()
          .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in " + out + err));
    }
  }

  private static Run run(String scenario) throws Exception {
    return run(scenario, true);
  }

  private static Run run(String scenario, boolean modulePath) throws Exception {
    List<Path> path = new ArrayList<>();
    path.add(JAR);
    try (Stream<Path> libs = Files.list(LIBS)) {
      libs.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(path::add);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String joined = path.stream().map(Path::toString)
        .collect(Collectors.joining(System.getProperty("path.separator")));
    String main = "meshos.it.plugins.PluginMain";
    List<String> command = modulePath
        ? List.of(java, "--module-path", joined, "-m", "meshos.it.plugins/" + main, scenario,
            PLUGINS.toString())
        : List.of(java, "-cp", joined, main, scenario, PLUGINS.toString());
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process));
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child JVM did not end");
    String errors = err.get(10, TimeUnit.SECONDS);
    assertEquals(0, process.exitValue(), out + errors);
    return new Run(out.lines().toList(), errors);
  }

  private static String drain(Process process) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      process.getErrorStream().transferTo(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onTheClassPathLoadIsRefusedNamingTheReasonAndTheRuntimeIsUnchanged() throws Exception {
    Run run = run("classpath", false);
    assertEquals("classpath load IllegalStateException hot plug needs module meshos.api on the"
        + " module path; it is on the class path (in an unnamed module), so plugin modules cannot"
        + " read it plugins 0", run.line("classpath load "));
  }

  @Test
  void loadRunsTheHandlerNextTickAndUnloadRemovesEverythingAndTheLoaderIsCollected()
      throws Exception {
    Run run = run("basic");
    assertEquals("loaded meshos.it.plugin.good LOADED [ProviderInfo[className="
        + "meshos.it.plugin.good.GoodPlugin, moduleName=meshos.it.plugin.good, outcome=LOADED,"
        + " cause=Optional.empty]]", run.line("loaded "));
    assertEquals("list 1", run.line("list "));
    assertEquals("tick slots [42] health42 HEALTHY", run.line("tick "));
    // Queued at unload: the action offered by the handler in each of the two ticks.
    assertEquals("report meshos.it.plugin.good handlers=1 probes=1 actions=2 collected=true",
        run.line("report "));
    assertEquals("state COLLECTED list 0 pending 0", run.line("state "));
    assertEquals("after slots [] handlers 0 probes as before", run.line("after "));
    assertEquals("again meshos.it.plugin.good handlers=0 probes=0 actions=0 elapsed PT0S",
        run.line("again "));
    assertTrue(run.out().stream().noneMatch(l -> l.contains("PLUGIN-ACTION")),
        "a discarded action never runs: " + run.out());
  }

  @Test
  void aJarWithoutModuleInfoLoadsAsAnAutomaticModule() throws Exception {
    Run run = run("automatic");
    assertEquals("loaded meshos.it.plugin.auto [ProviderInfo[className="
        + "meshos.it.plugin.auto.AutoPlugin, moduleName=meshos.it.plugin.auto, outcome=LOADED,"
        + " cause=Optional.empty]]", run.line("loaded "));
    assertEquals("tick slots [43]", run.line("tick "));
    assertEquals("report meshos.it.plugin.auto handlers=1 probes=0 actions=0", run.line("report "));
  }

  @Test
  void badJarsAreRefusedNamingTheJarAndTheReasonAndTheRuntimeIsUnchanged() throws Exception {
    Run run = run("bad");
    Path good = PLUGINS.resolve("meshos-it-plugin-good.jar");
    Path bad = PLUGINS.resolve("meshos-it-plugin-bad.jar");
    assertEquals("bad missing plugin jar " + PLUGINS.resolve("missing.jar") + ": not found",
        run.line("bad missing"));
    assertTrue(run.line("bad corrupt").matches("bad corrupt plugin jar .*corrupt.*\\.jar: not a"
        + " readable jar \\(.*\\)"), run.line("bad corrupt"));
    assertTrue(run.line("bad plain").matches("bad plain plugin jar .*plain.*\\.jar: not a module"
        + " \\(no module-info.class\\) and no META-INF/services/"
        + "meshos.api.spi.RecoveryHandlerProvider entry"), run.line("bad plain"));
    assertEquals("bad split plugin jar " + bad + ": contains package meshos.it.plugin.good, as"
        + " does " + good + " (module meshos.it.plugin.good)", run.line("bad split"));
    assertEquals("bad requires plugin jar " + bad + ": module meshos.it.plugin.bad requires"
        + " java.sql, which is neither in the plugin nor in the runtime's module layers (start"
        + " the JVM with --add-modules java.sql)", run.line("bad requires"));
    assertEquals("unchanged handlers 0 probes 0 plugins 0", run.line("unchanged "));
  }

  @Test
  void twoHundredLoadUnloadCyclesUnloadTheirClassesAndDoNotGrow() throws Exception {
    Run run = run("cycles");
    String line = run.line("cycles ");
    Matcher m = Pattern.compile("cycles 200 recovered (\\d+) pending (\\d+) unloaded (\\d+)"
        + " loaded-growth (-?\\d+) metaspace-growth-kb (-?\\d+)").matcher(line);
    assertTrue(m.matches(), line);
    System.out.println("[PluginIT] " + line);
    assertEquals(200, Integer.parseInt(m.group(1)), "every cycle's handler ran");
    assertEquals(0, Integer.parseInt(m.group(2)), "every loader collected");
    assertTrue(Long.parseLong(m.group(3)) >= 200, "each cycle's classes are unloaded: " + line);
    assertTrue(Long.parseLong(m.group(4)) < 100, "no growth of loaded classes: " + line);
    // Measured: 200 cycles after 100 warm-up cycles grow metaspace by ~450 KB, 800 by ~870 KB
    // (sub-linear, and loaded classes do not grow): a leak would keep every cycle's classes.
    assertTrue(Long.parseLong(m.group(5)) < 1024, "no metaspace growth beyond noise: " + line);
  }

  @Test
  void aPluginThatKeepsAThreadIsReportedAsALeakNamingTheThread() throws Exception {
    Run run = run("leak");
    assertEquals("report meshos.it.plugin.leaky handlers=1 probes=0 actions=0 collected=false",
        run.line("report "));
    String event = run.line("event ");
    assertTrue(event.startsWith("event meshos.it.plugin.leaky holders thread"
        + " \"leaky-plugin-thread\" (its context class loader is the plugin's, it runs "
        + "meshos.it.plugin.leaky@0.1.0-SNAPSHOT/meshos.it.plugin.leaky.LeakyPlugin.parkForever"),
        event);
    assertEquals("leak seen true state LEAKED pending 1", run.line("leak "));
    List<String> warnings = run.err().lines()
        .filter(l -> l.contains("plugin 'meshos.it.plugin.leaky' was unloaded")).toList();
    assertEquals(1, warnings.size(), run.err());
    assertTrue(warnings.get(0).contains("\"leaky-plugin-thread\""), warnings.get(0));
  }

  @Test
  void loadAndUnloadOnTheTickThreadThrowIllegalStateException() throws Exception {
    Run run = run("tickthread");
    String expected = "IllegalStateException runtime 'it': plugins cannot be %s on the tick"
        + " thread (from a handler, a probe or a tick listener) or during start's discovery;"
        + " call %s from another thread";
    assertEquals("handler load " + String.format(expected, "loaded", "load"),
        run.line("handler load"));
    assertEquals("listener unload " + String.format(expected, "unloaded", "unload"),
        run.line("listener unload"));
    assertEquals("still LOADED plugins 1", run.line("still "));
  }
}
