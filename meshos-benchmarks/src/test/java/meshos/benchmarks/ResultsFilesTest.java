package meshos.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** P8's and P9's JMH JSON, their plots, the lateness harness's JSON, P9's handlers. */
class ResultsFilesTest {
  /** The runtime logs the harness's deliberate eviction: kept out of the build's log. */
  private static final Logger MESHOS = Logger.getLogger("meshos");

  private static Level level;

  @TempDir Path dir;

  @BeforeAll
  static void silenceTheRuntime() {
    level = MESHOS.getLevel();
    MESHOS.setLevel(Level.OFF);
  }

  @AfterAll
  static void restoreTheLog() {
    MESHOS.setLevel(level);
  }

  private static final String P8 = """
      {
        "benchmark" : "meshos.benchmarks.RegisterContentionBenchmark.registerAndUnregister",
        "mode" : "sample", "threads" : 8,
        "params" : { "impl" : "meshos" },
        "primaryMetric" : {
          "score" : 0.3,
          "scorePercentiles" : { "0.0" : 0.1, "50.0" : 0.25, "90.0" : 0.4, "95.0" : 0.5,
            "99.0" : 0.9, "99.9" : 12.5, "99.99" : 80.0, "99.999" : 900.0, "99.9999" : 950.0,
            "100.0" : 1000.0 },
          "rawDataHistogram" : [ [ [ [ 0.25, 90 ], [ 12.5, 9 ] ], [ [ 1000.0, 1 ] ] ] ]
        }
      }""";

  private static final String P9 = """
      {
        "benchmark" : "meshos.benchmarks.RealisticPassBenchmark.pass",
        "params" : { "handlers" : "10000", "impl" : "plain-loop" },
        "primaryMetric" : { "score" : 0, "rawData" : [ [ 50000.0 ], [ 70000.0 ] ] }
      }""";

  @Test
  void p8PercentilesAndSampleCountComeFromTheJson() throws IOException {
    List<ContentionFigure> figures = ContentionResults.read(write("p8.json", "[" + P8 + "]"));

    assertEquals(List.of(new ContentionFigure("meshos", 8, 0.25, 0.9, 12.5, 80.0, 1000.0, 100)),
        figures);
  }

  @Test
  void p9HasEightClassesAndNoClassesParameter() throws IOException {
    PassFigure f = PassResults.read(write("p9.json", "[" + P9 + "]"), PassResults.P9).get(0);

    assertEquals(GroupHandlers.CLASSES, f.classes());
    assertEquals(10000, f.handlers());
    assertEquals(List.of(50000.0, 70000.0), f.forks());
    assertEquals(6.0, f.nsPerHandler(), 1e-12);
  }

  @Test
  void thePlotOfEachBenchmarkIsDrawnFromItsJson() throws IOException {
    for (String json : new String[] {P8, P9}) {
      Path png = dir.resolve(json.hashCode() + ".png");
      ResultsPlot.main(new String[] {write(json.hashCode() + ".json", "[" + json + "]").toString(),
          png.toString()});
      byte[] bytes = Files.readAllBytes(png);
      assertTrue(bytes.length > 1000, "an image");
      assertEquals('P', bytes[1]);
    }
  }

  @Test
  void mergedJsonHoldsEveryPartInOrder() throws IOException {
    Path a = write("a.json", "[" + P8 + "]");
    Path b = write("b.json", "[" + P9 + "]");
    Path merged = dir.resolve("merged.json");
    JmhJson.merge(List.of(a, b), merged);

    assertEquals(2, JmhJson.runs(merged).size());
    assertTrue(Files.notExists(a) && Files.notExists(b), "parts deleted");
  }

  @Test
  void theLatenessHarnessWritesWhatItMeasured() throws Exception {
    Path json = dir.resolve("lateness.json");
    // a short real run: only the shape of the output is checked, never a time
    TickLatenessHarness.main(new String[] {json.toString(), "0", "1"});
    TickLatenessHarness.Run run = TickLatenessHarness.read(json);

    assertTrue(run.soakTicks > TickLatenessHarness.FIRST_TICKS, "at least 11 ticks");
    assertEquals(run.lateness.length, run.duration.length);
    assertEquals(run.lateness.length, run.evictions.length);
    int evictions = 0;
    for (int e : run.evictions) {
      evictions += e;
    }
    assertEquals(1, evictions, "the one throwing handler was evicted once");
    assertTrue(run.duration.length > run.soakTicks, "ticks after the soak");
  }

  @Test
  void realisticHandlersAreReproducibleEachWithItsOwnGroup() {
    RecoveryHandler[] a = GroupHandlers.shuffled(1000, 7);
    RecoveryHandler[] b = GroupHandlers.shuffled(1000, 7);
    Set<Class<?>> classes = new HashSet<>();
    for (int i = 0; i < a.length; i++) {
      assertSame(a[i].getClass(), b[i].getClass(), "same seed, same classes");
      assertNotSame(a[i], b[i]);
      assertSame(GroupHandlers.NONE, a[i].recover(), "a healthy group: nothing to do");
      classes.add(a[i].getClass());
    }
    assertEquals(GroupHandlers.CLASSES, classes.size());
  }

  @Test
  void everyImplementationRunsEveryHandlerRegisteredInBulk() {
    int[] runs = new int[1];
    RecoveryHandler counting = () -> {
      runs[0]++;
      return new int[] {runs[0]};
    };
    for (String impl : new String[] {"meshos", "plain-loop", "cowal", "lock-held"}) {
      runs[0] = 0;
      RecoveryRegistry registry = Implementation.create(impl);
      Implementation.registerAll(registry, new RecoveryHandler[] {counting, counting});
      assertArrayEquals(new int[] {1, 2}, registry.tryRunAll(), impl);
      registry.register(counting); // after a pass: the plain loop re-trims its array
      assertArrayEquals(new int[] {3, 4, 5}, registry.tryRunAll(), impl);
    }
  }

  private Path write(String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }
}
