package meshos.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@link RegisterContentionBenchmark}'s results (P8) out of a JMH JSON result file. */
final class ContentionResults {
  static final String P8 = RegisterContentionBenchmark.class.getName() + ".registerAndUnregister";

  private ContentionResults() {}

  static List<ContentionFigure> read(Path jmhJson) throws IOException {
    List<ContentionFigure> figures = new ArrayList<>();
    for (JsonElement element : JmhJson.runs(jmhJson)) {
      JsonObject run = element.getAsJsonObject();
      if (!run.get("benchmark").getAsString().equals(P8)) {
        continue;
      }
      JsonObject metric = run.getAsJsonObject("primaryMetric");
      JsonObject p = metric.getAsJsonObject("scorePercentiles");
      long samples = 0;
      // rawDataHistogram: forks → iterations → [[value, count], ...]
      for (JsonElement fork : metric.getAsJsonArray("rawDataHistogram")) {
        for (JsonElement iteration : fork.getAsJsonArray()) {
          for (JsonElement bucket : iteration.getAsJsonArray()) {
            samples += bucket.getAsJsonArray().get(1).getAsLong();
          }
        }
      }
      figures.add(new ContentionFigure(
          run.getAsJsonObject("params").get("impl").getAsString(), run.get("threads").getAsInt(),
          p.get("50.0").getAsDouble(), p.get("99.0").getAsDouble(), p.get("99.9").getAsDouble(),
          p.get("99.99").getAsDouble(), p.get("100.0").getAsDouble(), samples));
    }
    if (figures.isEmpty()) {
      throw new IOException(jmhJson + " holds no " + P8 + " results");
    }
    return figures;
  }
}
