package meshos.tick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The public supervision values: validation by argument name, value semantics, messages. */
class SupervisionTest {
  private static final Duration MS = Duration.ofMillis(1);

  private static void rejects(String argument, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(argument + " must"), e.getMessage());
  }

  @Test
  void restartWithBackoffValidatesEachArgumentByName() {
    rejects("min", () -> Supervision.restartWithBackoff(Duration.ZERO, MS));
    rejects("min", () -> Supervision.restartWithBackoff(Duration.ofMillis(-1), MS));
    rejects("max", () -> Supervision.restartWithBackoff(MS, Duration.ZERO));
    rejects("max", () -> Supervision.restartWithBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    rejects("max", () -> Supervision.restartWithBackoff(MS, ChronoUnit.FOREVER.getDuration()));
    rejects("min", () -> Supervision.restartWithBackoff(Duration.ofDays(36_501), Duration.ofDays(36_501)));
    Supervision ok = Supervision.restartWithBackoff(MS, MS);
    rejects("maxRestarts", () -> ok.maxRestarts(-1, MS));
    rejects("window", () -> ok.maxRestarts(1, Duration.ZERO));
    rejects("window", () -> ok.maxRestarts(1, ChronoUnit.FOREVER.getDuration()));
  }

  @Test
  void nullsAreRejectedByName() {
    NullPointerTester tester = new NullPointerTester().setDefault(Duration.class, MS);
    tester.testAllPublicStaticMethods(Supervision.class);
    tester.testAllPublicInstanceMethods(Supervision.restartWithBackoff(MS, MS));
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Supervision.restartWithBackoff(null, MS));
    assertEquals("min", e.getMessage());
  }

  @Test
  void accessorsReturnWhatWasGiven() {
    Supervision s = Supervision.restartWithBackoff(Duration.ofMillis(500), Duration.ofSeconds(60))
        .maxRestarts(5, Duration.ofMinutes(1));
    assertTrue(s.restarts());
    assertEquals(Duration.ofMillis(500), s.minBackoff());
    assertEquals(Duration.ofSeconds(60), s.maxBackoff());
    assertEquals(5, s.maxRestarts());
    assertEquals(Duration.ofMinutes(1), s.restartWindow());
    assertEquals(Integer.MAX_VALUE,
        Supervision.restartWithBackoff(MS, MS).maxRestarts(), "no limit by default");
    assertTrue(!Supervision.evict().restarts());
    Supervision.restartWithBackoff(Duration.ofDays(36_500), Duration.ofDays(36_500))
        .maxRestarts(Integer.MAX_VALUE, Duration.ofDays(36_500)); // the longest accepted
  }

  @Test
  void evictHasNoRestartsToLimit() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Supervision.evict().maxRestarts(1, MS));
    assertTrue(e.getMessage().contains("evict()"), e.getMessage());
  }

  @Test
  void policiesAreImmutableValues() {
    Supervision base = Supervision.restartWithBackoff(Duration.ofMillis(500), Duration.ofSeconds(60));
    Supervision limited = base.maxRestarts(5, Duration.ofMinutes(1));
    assertNotEquals(base, limited);
    assertEquals(Supervision.restartWithBackoff(Duration.ofMillis(500), Duration.ofSeconds(60)), base);
    assertEquals(base.maxRestarts(5, Duration.ofMinutes(1)).hashCode(), limited.hashCode());
    assertSame(Supervision.evict(), Supervision.evict());
    assertEquals("evict()", Supervision.evict().toString());
    assertEquals("restartWithBackoff(PT0.5S, PT1M).maxRestarts(5, PT1M)", limited.toString());
    assertEquals("restartWithBackoff(PT0.5S, PT1M)", base.toString());
  }

  @Test
  void anOverrunCauseNamesTheHandlerAndTheMeasuredTime() {
    HandlerOverrunException e = new HandlerOverrunException("rt.Slow", Duration.ofMillis(1200),
        Duration.ofMillis(500), 3);
    assertEquals("recovery handler rt.Slow was the main culprit of 3 consecutive tick(s) over the"
        + " budget of PT0.5S; its last call ran for at least PT1.2S", e.getMessage());
    assertEquals("rt.Slow", e.handler());
    assertEquals(Duration.ofMillis(1200), e.measured());
    assertEquals(0, e.getStackTrace().length);
    assertThrows(IllegalArgumentException.class,
        () -> new HandlerOverrunException("x", MS, MS, 0));
  }

  @Test
  void aQuarantineEntryChecksItsComponents() {
    assertThrows(IllegalArgumentException.class,
        () -> new QuarantinedHandler("h", 0, new IllegalStateException(), 0));
    assertThrows(NullPointerException.class,
        () -> new QuarantinedHandler("h", 1, null, 0));
  }
}
