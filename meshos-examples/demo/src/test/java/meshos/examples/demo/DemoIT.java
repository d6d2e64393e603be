package meshos.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo as the README does: a JVM on the module path, the provider found at start, the
 * standby plugin loaded and unloaded at run time.
 */
class DemoIT {
  @Test
  void theDemoDiscoversTheProviderRecoversASlotSupervisesItsHandlersAndExitsCleanly()
      throws Exception {
    List<String> modulePath = new ArrayList<>();
    modulePath.add(System.getProperty("demo.jar"));
    try (Stream<Path> libs = Files.list(Path.of(System.getProperty("demo.libs")))) {
      libs.map(Path::toString).filter(p -> p.endsWith(".jar")).sorted().forEach(modulePath::add);
    }
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", String.join(System.getProperty("path.separator"), modulePath),
        "--module", "meshos.examples.demo/meshos.examples.demo.Demo",
        "--interval=20")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
    assertEquals(0, process.exitValue(), out);

    List<String> lines = out.lines().collect(Collectors.toList());
    assertTrue(lines.contains("provider meshos.examples.replica.ReplicaRecoveryProvider"
        + " (meshos.examples.replica) LOADED"), out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("tick  3 |") && l.contains("recovered []")
        && l.contains("node 2 unreachable")), out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("tick  4 |")
        && l.contains("evicted flaky-handler")), out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("tick  6 |")
        && l.contains("recovered [1]")), out);
    assertEquals(2, lines.stream().filter(l -> l.contains("restarted flaky-handler")).count(), out);
    assertTrue(lines.stream().anyMatch(l -> l.contains("restarted flaky-handler")
        && l.contains("7]")), out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("tick  9 |")
        && l.contains("evicted blocking-handler (overran)")), out);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("tick  8 |")
        && l.contains("blocking-handler (overran)")), "three strikes, not two: " + out);
    assertTrue(lines.contains("plugin meshos.examples.standby loaded after tick 10:"
        + " meshos.examples.standby.StandbyProvider LOADED"), out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("tick ") && tickOf(l) > 10
        && l.contains("recovered [9]")), "the plugin's handler ran: " + out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("plugin meshos.examples.standby"
        + " unloaded: 1 handler(s) removed, 0 probe(s), 0 queued action(s) discarded; class loader"
        + " collected: true") && l.endsWith("state COLLECTED")), out);
    long tickLines = lines.stream().filter(l -> l.startsWith("tick ")).count();
    assertTrue(tickLines >= 14, out); // 14, or more if the plugin step took longer than 4 ticks
    assertTrue(lines.get(lines.size() - 1).startsWith("summary: " + tickLines + " ticks,"
        + " 3 slot(s) recovered, 3 eviction(s)"), out);
    assertTrue(lines.get(lines.size() - 1).endsWith("state TERMINATED"), out);
  }

  private static int tickOf(String line) {
    return Integer.parseInt(line.substring("tick ".length(), line.indexOf('|')).strip());
  }
}
