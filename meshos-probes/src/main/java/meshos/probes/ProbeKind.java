package meshos.probes;

/** The three kinds of probe a {@link ProbeRegistry} holds. */
public enum ProbeKind {
  /** {@link LocalityProbe}: round-trip times. */
  LOCALITY,
  /** {@link HealthProbe}: node health. */
  HEALTH,
  /** {@link InventoryProbe}: peer inventory. */
  INVENTORY
}
