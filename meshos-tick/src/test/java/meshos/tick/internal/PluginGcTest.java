package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginGcTest {
  @ParameterizedTest
  @ValueSource(strings = {"G1 Old Generation", "G1 Concurrent GC", "PS MarkSweep",
      "MarkSweepCompact", "ZGC Cycles", "ZGC Major Cycles", "Shenandoah Cycles"})
  void oldGenerationCollectors(String name) {
    assertTrue(PluginGc.isOld(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"G1 Young Generation", "PS Scavenge", "Copy", "ZGC Pauses",
      "ZGC Minor Cycles", "Shenandoah Pauses"})
  void youngOrPauseCollectors(String name) {
    assertFalse(PluginGc.isOld(name));
  }
}
