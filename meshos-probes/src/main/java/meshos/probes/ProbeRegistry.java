package meshos.probes;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The probes of one runtime, polled together once per tick by {@link #poll()}.
 *
 * <p>Probes of each kind are kept in registration order; the same instance may be added twice and
 * is then polled twice. A probe that fails is skipped for that poll, kept, and reported in the
 * poll's {@link ProbeReadings#failures()} (unlike a recovery handler, it is not evicted).
 *
 * <h2>Thread safety</h2>
 *
 * <p>All methods may be called from any thread, probes included. Changes are made under one lock
 * and published as one immutable table, so {@link #counts()} is consistent across kinds and a poll
 * sees the table as of its start: a probe added or removed during a poll takes effect from the
 * next poll. No lock is held while a probe runs. Actions prior to adding a probe happen-before its
 * first call.
 */
public final class ProbeRegistry {

  private static final Object[] NO_SAMPLES = new Object[0];

  private final ReentrantLock lock = new ReentrantLock();

  /**
   * The probes of each kind; replaced, never mutated. Written only under the lock (so that
   * concurrent changes are not lost), read without it.
   */
  private volatile Table table = new Table(new Object[0], new Object[0], new Object[0]);

  /** Creates an empty registry. */
  public ProbeRegistry() {}

  /**
   * Adds a locality probe; it is polled from the next poll on. May be called from any
   * thread, also from a probe.
   *
   * @param probe the probe; the same instance may be added again
   * @throws NullPointerException if {@code probe} is null
   */
  public void addLocalityProbe(LocalityProbe probe) {
    add(ProbeKind.LOCALITY, requireNonNull(probe, "probe"));
  }

  /**
   * Adds a health probe; it is polled from the next poll on. May be called from any
   * thread, also from a probe.
   *
   * @param probe the probe; the same instance may be added again
   * @throws NullPointerException if {@code probe} is null
   */
  public void addHealthProbe(HealthProbe probe) {
    add(ProbeKind.HEALTH, requireNonNull(probe, "probe"));
  }

  /**
   * Adds an inventory probe; it is polled from the next poll on. May be called from any
   * thread, also from a probe.
   *
   * @param probe the probe; the same instance may be added again
   * @throws NullPointerException if {@code probe} is null
   */
  public void addInventoryProbe(InventoryProbe probe) {
    add(ProbeKind.INVENTORY, requireNonNull(probe, "probe"));
  }

  /**
   * Removes the earliest registration of {@code probe} (by identity), from the next poll on.
   *
   * @param probe the probe to remove
   * @return true if there was one
   * @throws NullPointerException if {@code probe} is null
   */
  public boolean removeLocalityProbe(LocalityProbe probe) {
    return remove(ProbeKind.LOCALITY, requireNonNull(probe, "probe"));
  }

  /**
   * Removes the earliest registration of {@code probe} (by identity), from the next poll on.
   *
   * @param probe the probe to remove
   * @return true if there was one
   * @throws NullPointerException if {@code probe} is null
   */
  public boolean removeHealthProbe(HealthProbe probe) {
    return remove(ProbeKind.HEALTH, requireNonNull(probe, "probe"));
  }

  /**
   * Removes the earliest registration of {@code probe} (by identity), from the next poll on.
   *
   * @param probe the probe to remove
   * @return true if there was one
   * @throws NullPointerException if {@code probe} is null
   */
  public boolean removeInventoryProbe(InventoryProbe probe) {
    return remove(ProbeKind.INVENTORY, requireNonNull(probe, "probe"));
  }

  /**
   * Removes every probe of {@code kind}, from the next poll on.
   *
   * @param kind the kind of probe to remove
   * @throws NullPointerException if {@code kind} is null
   */
  public void clear(ProbeKind kind) {
    requireNonNull(kind, "kind");
    lock.lock();
    try {
      table = table.with(kind, new Object[0]);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The number of probes of each kind, read at one instant; never blocks.
   *
   * @return the counts
   */
  public ProbeCounts counts() {
    Table t = table;
    return new ProbeCounts(t.locality.length, t.health.length, t.inventory.length);
  }

  /**
   * Calls every probe once, locality probes first, then health, then inventory, each kind in
   * registration order, on the calling thread, and merges their samples.
   *
   * <p>Each probe's list is copied once, inside that probe's guard: a probe that throws, returns
   * {@code null}, or returns a list that holds {@code null} (or something that is not a sample of
   * its kind) or fails while being copied, is skipped for this poll alone and reported in {@link
   * ProbeReadings#failures()}; the other probes' samples are kept. Its list is not read again.
   *
   * @return the merged samples of the probes that succeeded and the failures of this poll
   * @throws VirtualMachineError if a probe threw one other than {@link StackOverflowError}; the
   *     registry is unchanged
   */
  public ProbeReadings poll() {
    Table t = table;
    Map<Long, Duration> rtt = new HashMap<>();
    Map<Long, NodeHealth> health = new HashMap<>();
    Map<Long, PeerInventory> inventory = new HashMap<>();
    Map<Long, Object> sources = new HashMap<>();
    List<Object> withSamples = new ArrayList<>(0);
    List<ProbeFailure> failures = new ArrayList<>(0);
    for (Object probe : t.locality) {
      for (Object s : samplesOf(ProbeKind.LOCALITY, probe, failures)) {
        RttSample sample = (RttSample) s;
        rtt.put(sample.node(), sample.rtt());
      }
    }
    for (Object probe : t.health) {
      for (Object s : samplesOf(ProbeKind.HEALTH, probe, failures)) {
        HealthSample sample = (HealthSample) s;
        health.put(sample.node(), sample.health());
      }
    }
    int failuresBeforeInventory = failures.size();
    for (Object probe : t.inventory) {
      Object[] samples = samplesOf(ProbeKind.INVENTORY, probe, failures);
      if (samples.length != 0 && !containsIdentity(withSamples, probe)) {
        withSamples.add(probe);
      }
      for (Object s : samples) {
        InventorySample sample = (InventorySample) s;
        inventory.put(sample.node(), sample.inventory());
        sources.put(sample.node(), probe);
      }
    }
    // An instance added twice speaks for its peers only if each of its calls succeeded.
    for (int i = failuresBeforeInventory; i < failures.size(); i++) {
      Object failed = failures.get(i).probe();
      withSamples.removeIf(p -> p == failed);
    }
    return new ProbeReadings(rtt, health, inventory, sources, withSamples, failures);
  }

  @Override
  public String toString() {
    ProbeCounts c = counts();
    return "ProbeRegistry[locality=" + c.locality() + ", health=" + c.health()
        + ", inventory=" + c.inventory() + "]";
  }

  /**
   * Polls one probe and copies its samples, all inside the guard; no samples (and a failure
   * recorded) if it failed, returned bad samples or its list failed while being copied.
   */
  private static Object[] samplesOf(ProbeKind kind, Object probe, List<ProbeFailure> failures) {
    try {
      List<?> samples = switch (kind) {
        case LOCALITY -> ((LocalityProbe) probe).poll();
        case HEALTH -> ((HealthProbe) probe).poll();
        case INVENTORY -> ((InventoryProbe) probe).poll();
      };
      if (samples == null) {
        throw new NullPointerException(kind + " probe returned null instead of a list");
      }
      Object[] copy = samples.toArray();
      Class<?> type = sampleType(kind);
      for (int i = 0; i < copy.length; i++) {
        Object sample = copy[i];
        if (sample == null) {
          throw new NullPointerException(kind + " probe returned a null sample at index " + i);
        }
        if (!type.isInstance(sample)) {
          throw new ClassCastException(kind + " probe returned a " + sample.getClass().getName()
              + " at index " + i + " instead of a " + type.getSimpleName());
        }
      }
      return copy;
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError fatal && !(t instanceof StackOverflowError)) {
        throw fatal;
      }
      failures.add(new ProbeFailure(kind, probe, t));
      return NO_SAMPLES;
    }
  }

  private static Class<?> sampleType(ProbeKind kind) {
    return switch (kind) {
      case LOCALITY -> RttSample.class;
      case HEALTH -> HealthSample.class;
      case INVENTORY -> InventorySample.class;
    };
  }

  private static boolean containsIdentity(List<Object> list, Object element) {
    for (Object o : list) {
      if (o == element) {
        return true;
      }
    }
    return false;
  }

  private void add(ProbeKind kind, Object probe) {
    lock.lock();
    try {
      Object[] old = table.get(kind);
      Object[] grown = Arrays.copyOf(old, old.length + 1);
      grown[old.length] = probe;
      table = table.with(kind, grown);
    } finally {
      lock.unlock();
    }
  }

  private boolean remove(ProbeKind kind, Object probe) {
    lock.lock();
    try {
      Object[] old = table.get(kind);
      for (int i = 0; i < old.length; i++) {
        if (old[i] == probe) {
          Object[] shrunk = new Object[old.length - 1];
          System.arraycopy(old, 0, shrunk, 0, i);
          System.arraycopy(old, i + 1, shrunk, i, old.length - i - 1);
          table = table.with(kind, shrunk);
          return true;
        }
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** The probes of each kind at one instant. Immutable by convention: arrays are never written. */
  private static final class Table {
    final Object[] locality;
    final Object[] health;
    final Object[] inventory;

    Table(Object[] locality, Object[] health, Object[] inventory) {
      this.locality = locality;
      this.health = health;
      this.inventory = inventory;
    }

    Object[] get(ProbeKind kind) {
      return switch (kind) {
        case LOCALITY -> locality;
        case HEALTH -> health;
        case INVENTORY -> inventory;
      };
    }

    Table with(ProbeKind kind, Object[] probes) {
      return switch (kind) {
        case LOCALITY -> new Table(probes, health, inventory);
        case HEALTH -> new Table(locality, probes, inventory);
        case INVENTORY -> new Table(locality, health, probes);
      };
    }
  }
}
