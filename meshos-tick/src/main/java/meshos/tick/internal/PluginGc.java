package meshos.tick.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Counts the collections of the old generation (those that may unload classes) with the JVM's
 * {@link GarbageCollectorMXBean}s: a bean counts if its name says it collects the old generation
 * or the whole heap (G1 "Old Generation" and "Concurrent GC", Parallel/Serial "MarkSweep", ZGC and
 * Shenandoah "Cycles", "Major" collections). Stateless; any thread.
 */
final class PluginGc {
  private static final List<String> OLD = List.of(
      "old", "marksweep", "tenured", "major", "concurrent", "zgc cycles", "shenandoah cycles");

  private PluginGc() {}

  /** Returns the collections of the old generation since the JVM started. */
  static long oldCollections() {
    long count = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (isOld(gc.getName())) {
        count += Math.max(0, gc.getCollectionCount());
      }
    }
    return count;
  }

  /**
   * Tells whether a collector's collections count.
   *
   * @param collector a {@link GarbageCollectorMXBean#getName()}
   * @return whether its collections count as old-generation collections
   */
  static boolean isOld(String collector) {
    String name = collector.toLowerCase(Locale.ROOT);
    for (String marker : OLD) {
      if (name.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}
