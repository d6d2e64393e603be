package meshos.tick.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import meshos.api.spi.RecoveryHandlerProvider;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code META-INF/services/meshos.api.spi.RecoveryHandlerProvider} files the way {@link
 * java.util.ServiceLoader} does (UTF-8, {@code #} comments, one name a line). Stateless; any
 * thread.
 */
final class ServicesFiles {
  /** The resource every provider jar lists its providers in. */
  static final String RESOURCE = "META-INF/services/" + RecoveryHandlerProvider.class.getName();

  private ServicesFiles() {}

  /** One non-blank line of a services file: the name as written, and its 1-based line number. */
  record Line(String name, int number) {}

  /**
   * The services files {@code loader} sees (the class path, and named modules' resources too).
   *
   * @throws UncheckedIOException if the loader cannot list them
   */
  static List<URL> find(ClassLoader loader) {
    try {
      return Collections.list(loader.getResources(RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of the services file at {@code url}; empty if it cannot be read. */
  static List<Line> read(URL url) {
    try (InputStream in = url.openStream()) {
      return parse(in);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The lines of {@code module}'s own services file; empty if it has none or it is unreadable. */
  static List<Line> read(Module module) {
    try (@Nullable InputStream in = module.getResourceAsStream(RESOURCE)) {
      return in == null ? List.of() : parse(in);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The lines of the services file in a module not (yet) in any layer; empty if none. */
  static List<Line> read(ModuleReference module) {
    try (ModuleReader reader = module.open()) {
      Optional<InputStream> in = reader.open(RESOURCE);
      if (in.isEmpty()) {
        return List.of();
      }
      try (InputStream stream = in.get()) {
        return parse(stream);
      }
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Non-blank lines, comments stripped and trimmed; names not validated (ServiceLoader does). */
  static List<Line> parse(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      int comment = line.indexOf('#');
      String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
      if (!name.isEmpty()) {
        lines.add(new Line(name, number));
      }
    }
    return lines;
  }
}
