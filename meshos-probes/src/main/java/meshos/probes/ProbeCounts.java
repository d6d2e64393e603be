package meshos.probes;

/**
 * The number of probes of each kind in a {@link ProbeRegistry}, read together.
 *
 * @param locality locality probes
 * @param health health probes
 * @param inventory inventory probes
 */
public record ProbeCounts(int locality, int health, int inventory) {

  /**
   * The number of probes of {@code kind}.
   *
   * @param kind the kind of probe
   * @return how many of that kind
   */
  public int of(ProbeKind kind) {
    return switch (kind) {
      case LOCALITY -> locality;
      case HEALTH -> health;
      case INVENTORY -> inventory;
    };
  }

  /**
   * All probes.
   *
   * @return the number of probes of every kind together
   */
  public int total() {
    return locality + health + inventory;
  }
}
