package meshos.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the {@link PassBenchmark} results out of a JMH JSON result file ({@code -rf json}), the
 * format the suite writes as {@code p1.json}: one {@link PassFigure} per configuration, each fork's
 * score being the mean of its measured iterations, as JMH computes it.
 */
final class PassResults {
  private static final String BENCHMARK = PassBenchmark.class.getName() + ".pass";

  private PassResults() {}

  static List<PassFigure> read(Path jmhJson) throws IOException {
    JsonElement root;
    try (Reader in = Files.newBufferedReader(jmhJson, StandardCharsets.UTF_8)) {
      root = JsonParser.parseReader(in);
    }
    List<PassFigure> figures = new ArrayList<>();
    for (JsonElement element : root.getAsJsonArray()) {
      JsonObject run = element.getAsJsonObject();
      if (run.get("benchmark").getAsString().equals(BENCHMARK)) {
        figures.add(figure(run));
      }
    }
    if (figures.isEmpty()) {
      throw new IOException(jmhJson + " holds no " + BENCHMARK + " results");
    }
    return figures;
  }

  private static PassFigure figure(JsonObject run) {
    JsonObject params = run.getAsJsonObject("params");
    JsonArray forks = run.getAsJsonObject("primaryMetric").getAsJsonArray("rawData");
    double[] scores = new double[forks.size()];
    for (int f = 0; f < scores.length; f++) {
      JsonArray iterations = forks.get(f).getAsJsonArray();
      double sum = 0;
      for (JsonElement score : iterations) {
        sum += score.getAsDouble();
      }
      scores[f] = sum / iterations.size();
    }
    Arrays.sort(scores);
    JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
    JsonObject alloc = secondary == null ? null : secondary.getAsJsonObject("gc.alloc.rate.norm");
    return new PassFigure(params.get("impl").getAsString(),
        params.get("classes").getAsInt(), params.get("handlers").getAsInt(),
        median(scores), scores[0], scores[scores.length - 1],
        alloc == null ? Double.NaN : alloc.get("score").getAsDouble());
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
