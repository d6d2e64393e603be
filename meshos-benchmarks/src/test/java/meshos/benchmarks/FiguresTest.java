package meshos.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts of the suite's figures, from made-up results (no timing is measured here): each
 * target is checked the way the suite states it.
 */
class FiguresTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Figures figures =
      new Figures(new PrintStream(printed, true, StandardCharsets.UTF_8));

  private static PassFigure pass(String impl, int n, Double... forks) {
    return new PassFigure(impl, 8, n, List.of(forks), 0.0);
  }

  @Test
  void p9ComparesLikeWithLikeWhenForksAreBimodal() {
    // meshos 1.02x the plain loop in each mode, but 3 of 5 forks slow against 1 of 5: the
    // medians alone would say 5.8x.
    new PassFigures(figures, List.of(
        pass("meshos", 1000, 1020.0, 1020.0, 6120.0, 6120.0, 6120.0),
        pass("plain-loop", 1000, 1000.0, 1000.0, 1000.0, 1000.0, 6000.0),
        pass("cowal", 1000, 1100.0, 1100.0, 1100.0, 1100.0, 1100.0))).p9();

    String line = line("P9 classes=8 N=1000 meshos/plain-loop");
    assertTrue(line.contains("fast mode=1.020 slow mode=1.020"), line);
    assertTrue(line.endsWith("target<=1.05 PASS"), line);
  }

  @Test
  void p9MissesBeyondFivePercent() {
    new PassFigures(figures, List.of(
        pass("meshos", 1000, 1060.0), pass("plain-loop", 1000, 1000.0),
        pass("cowal", 1000, 1100.0))).p9();

    assertTrue(line("P9 classes=8 N=1000 meshos/plain-loop").endsWith("MISS"));
  }

  @Test
  void p3TakesThePlainLoopsFigureAsTheMeasurementsFloor() {
    // a pass of milliseconds: JMH's own allocations show hundreds of bytes per pass for all
    new PassFigures(figures, List.of(
        new PassFigure("meshos", 8, 100000, List.of(1.0), 400.0),
        new PassFigure("plain-loop", 8, 100000, List.of(1.0), 390.0),
        new PassFigure("cowal", 8, 100000, List.of(1.0), 380.0),
        new PassFigure("meshos", 8, 1000, List.of(1.0), 20.0),
        new PassFigure("plain-loop", 8, 1000, List.of(1.0), 1.0),
        new PassFigure("cowal", 8, 1000, List.of(1.0), 1.0))).p9();

    assertTrue(line("P3 P9 N=100000").endsWith("meshos-plain=10.000 B target<16 B (no object per"
        + " pass) PASS"), line("P3 P9 N=100000"));
    assertTrue(line("P3 P9 N=1000 ").endsWith("MISS"), "19 bytes more: an object per pass");
  }

  private static TickLatenessHarness.Run run(long... lateness) {
    TickLatenessHarness.Run run = new TickLatenessHarness.Run();
    run.lateness = lateness;
    run.duration = new long[lateness.length];
    run.evictions = new int[lateness.length];
    run.soakTicks = lateness.length;
    return run;
  }

  private void lateness(List<TickLatenessHarness.Run> runs) {
    new LatenessFigures(figures, new Progress(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8)), dir).figures(runs);
  }

  @Test
  void p6MissesWhenAnyOfTheFirstTenTicksOfAnyStartIsLate() {
    long ms = 1_000_000;
    long[] onTime = new long[12];
    long[] stalled = new long[12];
    stalled[1] = 120 * ms;
    lateness(List.of(run(onTime), run(stalled)));

    String line = line("P6 first 10 ticks");
    assertTrue(line.contains("worst=120.00 ms (JVM 2, tick 2)"), line);
    assertTrue(line.endsWith("MISS"), line);
    assertTrue(line("P4 lateness of ticks 11+").endsWith("PASS"), "the stall is not P4's");
  }

  @Test
  void p7ComparesEvictionTicksWithTheTicksWithout() {
    long ms = 1_000_000;
    TickLatenessHarness.Run run = run(new long[18]);
    run.soakTicks = 12; // the soak's ticks are not P7's
    run.duration = new long[] {9 * ms, 9 * ms, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ms, 3 * ms, ms, 5 * ms / 2, ms, ms / 2};
    run.evictions = new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1};
    lateness(List.of(run));

    // eviction ticks 3 (the first), 2.5 and 0.5 ms: median 2.5; ticks without: 1 ms
    String typical = line("P7 eviction tick minus");
    assertTrue(typical.contains("=+1.500 ms"), typical);
    assertTrue(typical.endsWith("MISS"), typical);
    String cold = line("P7 first eviction tick");
    assertTrue(cold.contains("=+2.000 ms"), cold);
    assertTrue(cold.endsWith("MISS"), cold);
  }

  @Test
  void p7PassesWithinOneMillisecond() {
    long ms = 1_000_000;
    TickLatenessHarness.Run run = run(new long[14]);
    run.soakTicks = 11;
    run.duration = new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ms, 2 * ms, ms};
    run.evictions = new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0};
    lateness(List.of(run));

    assertTrue(line("P7 eviction tick minus").endsWith("+1.000 ms target<=+1 ms PASS"));
  }

  @Test
  void p7WithoutAnEvictionTickIsAMiss() {
    lateness(List.of(run(new long[12])));

    assertTrue(line("P7 eviction tick").endsWith("MISS"));
  }

  private String line(String prefix) {
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith(prefix)).toList();
    assertEquals(1, lines.size(), () -> prefix + " in\n" + printed);
    return lines.get(0);
  }
}
