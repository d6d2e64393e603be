package meshos.tick.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import meshos.tick.internal.fixture.FixtureProvider;

/** Writes small jars for the hot-plug tests: automatic modules, made of entries given as bytes. */
final class PluginJars {
  static final String SERVICES = "META-INF/services/" + PluginLayers.SPI;

  private PluginJars() {}

  static Path jar(Path dir, String file, Map<String, byte[]> entries) throws IOException {
    Path jar = dir.resolve(file);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jos = new JarOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        jos.putNextEntry(new JarEntry(e.getKey()));
        jos.write(e.getValue());
        jos.closeEntry();
      }
    }
    return jar;
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A jar holding {@link FixtureProvider}'s class file and its services entry. */
  static Path fixture(Path dir, String file) throws IOException {
    String name = FixtureProvider.class.getName();
    byte[] bytes;
    try (InputStream in =
        FixtureProvider.class.getResourceAsStream(FixtureProvider.class.getSimpleName() + ".class")) {
      if (in == null) {
        throw new IOException("class file of " + name + " not found");
      }
      bytes = in.readAllBytes();
    }
    return jar(dir, file, Map.of(
        name.replace('.', '/') + ".class", bytes,
        SERVICES, text(name + "\n")));
  }
}
