package meshos.tick.internal;

import static meshos.tick.internal.PluginJars.SERVICES;
import static meshos.tick.internal.PluginJars.jar;
import static meshos.tick.internal.PluginJars.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks that make {@code load} refuse bad jars, naming the jar and the reason. */
class PluginLayersTest {
  @TempDir Path dir;

  private String refused(Path... jars) {
    return assertThrows(IllegalArgumentException.class, () -> PluginLayers.build(List.of(jars)))
        .getMessage();
  }

  private Path provider(String file, String pkg) throws Exception {
    return jar(dir, file, Map.of(pkg.replace('.', '/') + "/P.class", new byte[] {1},
        SERVICES, text(pkg + ".P\n")));
  }

  @Test
  void aMissingJar() {
    Path missing = dir.resolve("missing.jar");
    assertEquals("plugin jar " + missing + ": not found", refused(missing));
  }

  @Test
  void aDirectory() {
    assertEquals("plugin jar " + dir + ": not a regular file", refused(dir));
  }

  @Test
  void aFileThatIsNotAJar() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.jar"), "not a zip");
    assertTrue(refused(bad).startsWith("plugin jar " + bad + ": not a readable jar ("));
  }

  @Test
  void aJarThatIsNeitherAModuleNorHasAServicesEntry() throws Exception {
    Path plain = jar(dir, "plain.jar", Map.of("a/b/C.class", new byte[] {1}));
    assertEquals("plugin jar " + plain + ": not a module (no module-info.class) and no"
        + " META-INF/services/meshos.api.spi.RecoveryHandlerProvider entry", refused(plain));
  }

  @Test
  void aServicesEntryNamingAClassNotInTheJar() throws Exception {
    Path stale = jar(dir, "stale.jar", Map.of(SERVICES, text("x.y.Missing\n")));
    String message = refused(stale);
    assertTrue(message.startsWith("plugin jar " + stale + ": not a valid module: "), message);
    assertTrue(message.contains("x.y.Missing"), message);
  }

  @Test
  void twoJarsWithOnePackage() throws Exception {
    Path one = provider("one.jar", "p.q");
    Path two = jar(dir, "two.jar", Map.of("p/q/Other.class", new byte[] {1}));
    assertEquals("plugin jar " + two + ": contains package p.q, as does " + one
        + " (module one)", refused(one, two));
  }

  @Test
  void twoJarsWithOneModule() throws Exception {
    Path one = provider("same.jar", "p.q");
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path two = jar(sub, "same.jar", Map.of("r/S.class", new byte[] {1}));
    assertEquals("plugin jar " + two + ": holds module same, as does " + one, refused(one, two));
  }

  @Test
  void aPluginWhoseOtherJarsAreLibrariesLoads() throws Exception {
    Path provider = provider("prov.jar", "p.q");
    Path library = jar(dir, "lib.jar", Map.of("l/L.class", new byte[] {1}));
    PluginLayers.Built built = PluginLayers.build(List.of(provider, library));
    assertEquals("prov", built.name());
    assertEquals(Set.of("prov", "lib"), built.modules());
    assertEquals(1, built.providers());
    assertEquals(List.of(provider, library), built.jars());
    assertNotNull(built.layer().findModule("lib").orElse(null));
    assertTrue(built.layer().parents().contains(
        meshos.api.RecoveryHandler.class.getModule().getLayer()), "child of meshos.api's layer");
    assertEquals(built.loader(), built.layer().findLoader("lib"), "one class loader");
  }
}
