package meshos.probes;

/** Which way a peer's resource saturation is heading. */
public enum SaturationTrend {
  /** Less saturated than before. */
  FALLING,
  /** About as saturated as before. */
  STABLE,
  /** More saturated than before. */
  RISING
}
