package meshos.probes;

import static java.util.Objects.requireNonNull;

/**
 * A probe that failed during one poll: it threw, or returned {@code null} or a {@code null} sample.
 * The probe was skipped for that poll and kept.
 *
 * @param kind which kind of probe
 * @param probe the probe instance
 * @param cause what it threw, or a {@link NullPointerException} describing the bad result
 */
public record ProbeFailure(ProbeKind kind, Object probe, Throwable cause) {
  /**
   * Checks the failure.
   *
   * @param kind which kind of probe
   * @param probe the probe instance
   * @param cause what it threw, or a {@link NullPointerException} describing the bad result
   * @throws NullPointerException if an argument is null
   */
  public ProbeFailure {
    requireNonNull(kind, "kind");
    requireNonNull(probe, "probe");
    requireNonNull(cause, "cause");
  }
}
