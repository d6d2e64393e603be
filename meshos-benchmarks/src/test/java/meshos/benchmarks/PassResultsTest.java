package meshos.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures and the plot are read from JMH's JSON output: forks, medians and allocation. */
class PassResultsTest {
  @TempDir Path dir;

  private static final String PASS = """
      {
        "benchmark" : "meshos.benchmarks.PassBenchmark.pass",
        "params" : { "classes" : "8", "handlers" : "1024", "impl" : "meshos" },
        "primaryMetric" : { "score" : 0, "rawData" : [ [ 10.0, 12.0 ], [ 30.0, 34.0 ], [ 20.0, 20.0 ] ] },
        "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 0.25 } }
      }""";

  private static final String OTHER = """
      {
        "benchmark" : "meshos.benchmarks.RegisterLatencyBenchmark.registerAndUnregister",
        "params" : { "impl" : "meshos" },
        "primaryMetric" : { "score" : 1, "rawData" : [ [ 1.0 ] ] }
      }""";

  @Test
  void eachForkIsTheMeanOfItsIterationsAndTheFigureTheirMedian() throws IOException {
    List<PassFigure> figures = PassResults.read(write("[" + OTHER + "," + PASS + "]"));

    assertEquals(1, figures.size(), "only PassBenchmark results");
    PassFigure f = figures.get(0);
    assertEquals("meshos", f.impl());
    assertEquals(8, f.classes());
    assertEquals(1024, f.handlers());
    assertEquals(20.0, f.median(), 1e-9, "forks 11, 32, 20: the median");
    assertEquals(11.0, f.min(), 1e-9);
    assertEquals(32.0, f.max(), 1e-9);
    assertEquals(20.0 / 1024, f.nsPerHandler(), 1e-12);
    assertEquals(0.25, f.alloc(), 1e-9);
  }

  @Test
  void aRunWithoutTheGcProfilerHasNoAllocationFigure() throws IOException {
    String noGc = PASS.replaceAll("(?s),\\s*\"secondaryMetrics\".*\\}\\s*\\}", "}");
    PassFigure f = PassResults.read(write("[" + noGc + "]")).get(0);
    assertTrue(Double.isNaN(f.alloc()));
  }

  @Test
  void aFileWithoutPassResultsIsAnError() throws IOException {
    Path json = write("[" + OTHER + "]");
    IOException e = assertThrows(IOException.class, () -> PassResults.read(json));
    assertTrue(e.getMessage().contains("PassBenchmark"), e.getMessage());
  }

  @Test
  void thePlotIsDrawnFromTheJson() throws IOException {
    Path png = dir.resolve("p1.png");
    ResultsPlot.main(new String[] {write("[" + PASS + "]").toString(), png.toString()});
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 1000, "an image");
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
    assertEquals('N', bytes[2]);
    assertEquals('G', bytes[3]);
  }

  private Path write(String json) throws IOException {
    Path file = dir.resolve("result-" + json.hashCode() + ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }
}
