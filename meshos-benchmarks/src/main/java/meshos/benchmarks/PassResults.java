package meshos.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads pass results out of a JMH JSON result file ({@code -rf json}), the format the suite writes
 * as {@code p1.json} and {@code p9.json}: one {@link PassFigure} per configuration of {@link
 * PassBenchmark} or {@link RealisticPassBenchmark}, each fork's score being the mean of its
 * measured iterations, as JMH computes it.
 */
final class PassResults {
  static final String P1 = PassBenchmark.class.getName() + ".pass";
  static final String P9 = RealisticPassBenchmark.class.getName() + ".pass";

  private PassResults() {}

  /** The P1 results in {@code jmhJson}. */
  static List<PassFigure> read(Path jmhJson) throws IOException {
    return read(jmhJson, P1);
  }

  /** The results of {@code benchmark} ({@link #P1} or {@link #P9}) in {@code jmhJson}. */
  static List<PassFigure> read(Path jmhJson, String benchmark) throws IOException {
    List<PassFigure> figures = new ArrayList<>();
    for (JsonElement element : JmhJson.runs(jmhJson)) {
      JsonObject run = element.getAsJsonObject();
      if (run.get("benchmark").getAsString().equals(benchmark)) {
        figures.add(figure(run));
      }
    }
    if (figures.isEmpty()) {
      throw new IOException(jmhJson + " holds no " + benchmark + " results");
    }
    return figures;
  }

  private static PassFigure figure(JsonObject run) {
    JsonObject params = run.getAsJsonObject("params");
    JsonArray forks = run.getAsJsonObject("primaryMetric").getAsJsonArray("rawData");
    List<Double> scores = new ArrayList<>();
    for (JsonElement fork : forks) {
      JsonArray iterations = fork.getAsJsonArray();
      double sum = 0;
      for (JsonElement score : iterations) {
        sum += score.getAsDouble();
      }
      scores.add(sum / iterations.size());
    }
    Collections.sort(scores);
    JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
    JsonObject alloc = secondary == null ? null : secondary.getAsJsonObject("gc.alloc.rate.norm");
    JsonElement classes = params.get("classes");
    return new PassFigure(params.get("impl").getAsString(),
        classes == null ? GroupHandlers.CLASSES : classes.getAsInt(),
        params.get("handlers").getAsInt(), scores,
        alloc == null ? Double.NaN : alloc.get("score").getAsDouble());
  }
}
