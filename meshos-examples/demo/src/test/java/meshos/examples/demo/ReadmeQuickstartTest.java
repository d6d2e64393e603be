package meshos.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Quickstart is this module's Quickstart.java, which compiles and runs. */
class ReadmeQuickstartTest {

  private static final Path README = Path.of("../../README.md");
  private static final Path SOURCE = Path.of("src/main/java/meshos/examples/demo/Quickstart.java");

  @Test
  void theReadmeQuickstartIsTheCompiledExampleFromItsFirstImportOn() throws IOException {
    List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
    int heading = readme.indexOf("## Quickstart");
    assertTrue(heading >= 0, "README has a '## Quickstart' section");
    // The section's first Java block that starts with an import (the one before is module-info).
    int start = heading;
    do {
      start = readme.subList(start, readme.size()).indexOf("```java") + start + 1;
      assertTrue(start > heading, "the Quickstart has a Java block that starts with an import");
    } while (!readme.get(start).startsWith("import "));
    int end = readme.subList(start, readme.size()).indexOf("```") + start;
    String snippet = String.join("\n", readme.subList(start, end));

    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    String fromImports = source.substring(source.indexOf("import ")).strip();

    assertEquals(fromImports, snippet.strip());
  }

  @Test
  void theQuickstartRuns() throws InterruptedException {
    Quickstart.main(new String[0]);
  }
}
