package meshos.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** JMH's JSON result files: an array of runs. */
final class JmhJson {
  private JmhJson() {}

  /** The runs in {@code file}. */
  static JsonArray runs(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return JsonParser.parseReader(in).getAsJsonArray();
    }
  }

  /** Writes the runs of all {@code parts}, in order, to {@code merged}, and deletes the parts. */
  static void merge(List<Path> parts, Path merged) throws IOException {
    JsonArray all = new JsonArray();
    for (Path part : parts) {
      all.addAll(runs(part));
    }
    try (Writer out = Files.newBufferedWriter(merged, StandardCharsets.UTF_8)) {
      out.write(all.toString());
    }
    for (Path part : parts) {
      Files.delete(part);
    }
  }
}
