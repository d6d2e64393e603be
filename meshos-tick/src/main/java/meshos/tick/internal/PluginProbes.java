package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import meshos.probes.HealthProbe;
import meshos.probes.HealthSample;
import meshos.probes.InventoryProbe;
import meshos.probes.InventorySample;
import meshos.probes.LocalityProbe;
import meshos.probes.ProbeFailure;
import meshos.probes.ProbeKind;
import meshos.probes.ProbeReadings;
import meshos.probes.ProbeRegistry;
import meshos.probes.RttSample;

/**
 * A plugin's probes. {@link ProbeRegistry} is final, so a plugin's providers get a registry of
 * their own ({@link #registry()}), and the runtime's registry gets three bridge probes, one per
 * kind, that poll it: the first bridge called in a tick polls the plugin's registry once, and the
 * others take their kind from that poll. The unload removes the bridges and empties the plugin's
 * registry.
 *
 * <p>Failures: if one of the plugin's probes of a kind fails, that kind's bridge fails for the
 * tick (the plugin's probes of that kind are skipped together), with the probe's failure as cause.
 *
 * <p>Thread safety: the bridges are called on the polling thread (the tick thread); {@link
 * #attach} and {@link #detach} from the loading and unloading thread.
 */
final class PluginProbes {
  private static final long NONE = Long.MIN_VALUE;

  private final String plugin;
  private final ProbeRegistry own = new ProbeRegistry();
  private final LongSupplier tick;
  private final LocalityProbe locality = this::locality;
  private final HealthProbe health = this::health;
  private final InventoryProbe inventory = this::inventory;

  /** The readings of the latest poll of {@link #own} and the tick they were taken in. */
  private volatile Polled polled = new Polled(NONE, ProbeReadings.none());

  /**
   * Creates the probes of one plugin.
   *
   * @param plugin the plugin's name, for failures
   * @param tick the runtime's current tick number (of its snapshot): one poll per value
   */
  PluginProbes(String plugin, LongSupplier tick) {
    this.plugin = requireNonNull(plugin, "plugin");
    this.tick = requireNonNull(tick, "tick");
  }

  /** Returns the registry the plugin's providers add their probes to. */
  ProbeRegistry registry() {
    return own;
  }

  /** Adds the bridges to the runtime's registry: the plugin's probes are polled from then on. */
  void attach(ProbeRegistry runtime) {
    runtime.addLocalityProbe(locality);
    runtime.addHealthProbe(health);
    runtime.addInventoryProbe(inventory);
  }

  /**
   * Removes the bridges from the runtime's registry and every probe of the plugin.
   *
   * @return the number of the plugin's probes removed
   */
  int detach(ProbeRegistry runtime) {
    runtime.removeLocalityProbe(locality);
    runtime.removeHealthProbe(health);
    runtime.removeInventoryProbe(inventory);
    int count = own.counts().total();
    for (ProbeKind kind : ProbeKind.values()) {
      own.clear(kind);
    }
    polled = new Polled(NONE, ProbeReadings.none());
    return count;
  }

  private List<RttSample> locality() {
    ProbeReadings r = readings(ProbeKind.LOCALITY, true);
    if (r.rtt().isEmpty()) {
      return List.of();
    }
    List<RttSample> samples = new ArrayList<>(r.rtt().size());
    r.rtt().forEach((node, rtt) -> samples.add(new RttSample(node, rtt)));
    return samples;
  }

  private List<HealthSample> health() {
    ProbeReadings r = readings(ProbeKind.HEALTH, false);
    if (r.health().isEmpty()) {
      return List.of();
    }
    List<HealthSample> samples = new ArrayList<>(r.health().size());
    r.health().forEach((node, h) -> samples.add(new HealthSample(node, h)));
    return samples;
  }

  private List<InventorySample> inventory() {
    ProbeReadings r = readings(ProbeKind.INVENTORY, false);
    if (r.inventory().isEmpty()) {
      return List.of();
    }
    List<InventorySample> samples = new ArrayList<>(r.inventory().size());
    r.inventory().forEach((node, inv) -> samples.add(new InventorySample(node, inv)));
    return samples;
  }

  /**
   * The readings of this tick's poll of the plugin's probes, polling if none was taken this tick
   * (or, for the locality bridge, which the registry calls first, always).
   */
  private ProbeReadings readings(ProbeKind kind, boolean fresh) {
    if (own.counts().total() == 0) {
      return ProbeReadings.none(); // no probes (the usual case): no poll, no allocation
    }
    long now = tick.getAsLong();
    Polled p = polled;
    if (fresh || p.tick != now) {
      p = new Polled(now, own.poll());
      polled = p;
    }
    for (ProbeFailure failure : p.readings.failures()) {
      if (failure.kind() == kind) {
        throw new PluginProbeException(plugin, failure);
      }
    }
    return p.readings;
  }

  private record Polled(long tick, ProbeReadings readings) {}

  /** A plugin's probe failed: the plugin's bridge for that kind fails with it as cause. */
  static final class PluginProbeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String plugin;
    private final transient ProbeFailure failure;

    PluginProbeException(String plugin, ProbeFailure failure) {
      super(null, failure.cause(), false, false);
      this.plugin = plugin;
      this.failure = failure;
    }

    /** Built when read, off the tick thread. */
    @Override
    public String getMessage() {
      return "plugin '" + plugin + "': " + failure.kind() + " probe " + failure.probe()
          + " failed; the plugin's " + failure.kind() + " probes are skipped this tick";
    }
  }
}
