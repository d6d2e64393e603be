package meshos.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-fork modes: a ratio compares the fast forks with the fast forks, the slow with the slow. */
class ModesTest {
  private static final List<Double> MESHOS = List.of(3.0, 3.3, 17.0, 18.0, 19.0);
  private static final List<Double> PLAIN = List.of(3.1, 3.1, 3.2, 3.2, 16.0);

  @Test
  void spreadBelowTheGapIsOneMode() {
    Modes modes = Modes.of(List.of(List.of(10.0, 12.0, 19.0), List.of(11.0, 11.0, 11.0)));

    assertFalse(modes.bimodal());
    assertEquals("", modes.describe(List.of(10.0, 12.0, 19.0), 1));
    double[] ratios = modes.ratios(List.of(10.0, 12.0, 19.0), List.of(11.0, 11.0, 11.0));
    assertEquals(1, ratios.length);
    assertEquals(12.0 / 11.0, ratios[0], 1e-12, "medians");
  }

  @Test
  void bimodalForksAreComparedModeByMode() {
    Modes modes = Modes.of(List.of(MESHOS, PLAIN));

    assertTrue(modes.bimodal());
    assertEquals(List.of(3.0, 3.3), modes.fast(MESHOS));
    assertEquals(List.of(17.0, 18.0, 19.0), modes.slow(MESHOS));
    double[] ratios = modes.ratios(MESHOS, PLAIN);
    assertEquals(3.15 / 3.15, ratios[0], 1e-12, "fast: medians 3.15 and 3.15");
    assertEquals(18.0 / 16.0, ratios[1], 1e-12, "slow: medians 18 and 16");
    assertEquals("fast 2/5 at 3.150, slow 3/5 at 18.0", modes.describe(MESHOS, 1));
  }

  @Test
  void anImplementationThatNeverLandsInAModeIsReportedWithNoneThere() {
    List<Double> allFast = List.of(3.0, 3.1, 3.2);
    Modes modes = Modes.of(List.of(MESHOS, allFast));

    assertEquals("fast 3/3 at 3.100, slow 0/3 at -", modes.describe(allFast, 1));
    assertTrue(Double.isNaN(modes.ratios(MESHOS, allFast)[1]), "no slow mode to compare");
  }
}
