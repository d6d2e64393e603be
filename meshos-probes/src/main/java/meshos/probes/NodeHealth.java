package meshos.probes;

/** The health of a node as a {@link HealthProbe} sees it. */
public enum NodeHealth {
  /** Reachable and able to host slots. */
  HEALTHY,
  /** Reachable but impaired; not a placement target. */
  DEGRADED,
  /** Not reachable. */
  UNREACHABLE
}
