package meshos.probes;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

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

  private final ReentrantLock lock = new ReentrantLock();

  /**
   * The probes of each kind; replaced, never mutated. Written only under the lock (so that
   * concurrent changes are not lost), read without it.
   */
  private volatile Table table = new Table(new Object[0], new Object[0], new Object[0]);

  /** Creates an empty registry. */
  public ProbeRegistry() {}

  /** Adds a locality probe; it is polled from the next poll on. */
  public void addLocalityProbe(LocalityProbe probe) {
    add(ProbeKind.LOCALITY, requireNonNull(probe, "probe"));
  }

  /** Adds a health probe; it is polled from the next poll on. */
  public void addHealthProbe(HealthProbe probe) {
    add(ProbeKind.HEALTH, requireNonNull(probe, "probe"));
  }

  /** Adds an inventory probe; it is polled from the next poll on. */
  public void addInventoryProbe(InventoryProbe probe) {
    add(ProbeKind.INVENTORY, requireNonNull(probe, "probe"));
  }

  /** Removes the earliest registration of {@code probe} (by identity); true if there was one. */
  public boolean removeLocalityProbe(LocalityProbe probe) {
    return remove(ProbeKind.LOCALITY, requireNonNull(probe, "probe"));
  }

  /** Removes the earliest registration of {@code probe} (by identity); true if there was one. */
  public boolean removeHealthProbe(HealthProbe probe) {
    return remove(ProbeKind.HEALTH, requireNonNull(probe, "probe"));
  }

  /** Removes the earliest registration of {@code probe} (by identity); true if there was one. */
  public boolean removeInventoryProbe(InventoryProbe probe) {
    return remove(ProbeKind.INVENTORY, requireNonNull(probe, "probe"));
  }

  /** Removes every probe of {@code kind}. */
  public void clear(ProbeKind kind) {
    requireNonNull(kind, "kind");
    lock.lock();
    try {
      table = table.with(kind, new Object[0]);
    } finally {
      lock.unlock();
    }
  }

  /** The number of probes of each kind, read at one instant. */
  public ProbeCounts counts() {
    Table t = table;
    return new ProbeCounts(t.locality.length, t.health.length, t.inventory.length);
  }

  /**
   * Calls every probe once, locality probes first, then health, then inventory, each kind in
   * registration order, on the calling thread, and merges their samples.
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
    List<ProbeFailure> failures = new ArrayList<>(0);
    for (Object probe : t.locality) {
      List<RttSample> samples = call(ProbeKind.LOCALITY, probe, failures);
      if (samples != null) {
        samples.forEach(s -> rtt.put(s.node(), s.rtt()));
      }
    }
    for (Object probe : t.health) {
      List<HealthSample> samples = call(ProbeKind.HEALTH, probe, failures);
      if (samples != null) {
        samples.forEach(s -> health.put(s.node(), s.health()));
      }
    }
    boolean anyInventory = false;
    int failuresBeforeInventory = failures.size();
    for (Object probe : t.inventory) {
      List<InventorySample> samples = call(ProbeKind.INVENTORY, probe, failures);
      if (samples != null) {
        anyInventory |= !samples.isEmpty();
        samples.forEach(s -> inventory.put(s.node(), s.inventory()));
      }
    }
    boolean complete = anyInventory && failures.size() == failuresBeforeInventory;
    return new ProbeReadings(rtt, health, inventory, complete, failures);
  }

  @Override
  public String toString() {
    ProbeCounts c = counts();
    return "ProbeRegistry[locality=" + c.locality() + ", health=" + c.health()
        + ", inventory=" + c.inventory() + "]";
  }

  /** Polls one probe; null (and a failure recorded) if it failed or returned bad samples. */
  @SuppressWarnings("unchecked")
  private static <S> @Nullable List<S> call(ProbeKind kind, Object probe, List<ProbeFailure> failures) {
    List<?> samples;
    try {
      samples = switch (kind) {
        case LOCALITY -> ((LocalityProbe) probe).poll();
        case HEALTH -> ((HealthProbe) probe).poll();
        case INVENTORY -> ((InventoryProbe) probe).poll();
      };
      if (samples == null) {
        throw new NullPointerException(kind + " probe returned null instead of a list");
      }
      for (int i = 0; i < samples.size(); i++) {
        if (samples.get(i) == null) {
          throw new NullPointerException(kind + " probe returned a null sample at index " + i);
        }
      }
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError fatal && !(t instanceof StackOverflowError)) {
        throw fatal;
      }
      failures.add(new ProbeFailure(kind, probe, t));
      return null;
    }
    return (List<S>) samples;
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
