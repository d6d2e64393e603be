package meshos.probes;

/** Which way a peer's resource saturation is heading. */
public enum SaturationTrend {
  FALLING,
  STABLE,
  RISING
}
