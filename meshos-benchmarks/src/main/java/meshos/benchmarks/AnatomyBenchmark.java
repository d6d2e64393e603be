package meshos.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import meshos.api.RecoveryHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An experiment, not part of the suite: copies of meshos's pass loop with one part added or
 * removed at a time (no registry around them), over P9's handlers, to see what each part costs.
 * The variants are described in {@code results/2026-11-27-ab/anatomy.log}, which holds the runs;
 * pick them with {@code -p impl=plain-old,v1,t1,...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
public class AnatomyBenchmark {
  @Param({"100000"})
  public int handlers;

  @Param({"plain-old", "v1", "t1", "t2"})
  public String impl;

  private Loop loop;

  @Setup(Level.Trial)
  public void setUp() {
    RecoveryHandler[] hs = GroupHandlers.shuffled(handlers, RealisticPassBenchmark.SEED);
    loop = switch (impl) {
      case "v1" -> new V1(hs);
      case "v2" -> new V2(hs);
      case "v3" -> new V3(hs);
      case "v4" -> new V4(hs);
      case "v5" -> new V5(hs);
      case "v6" -> new V6(hs);
      case "v7" -> new V7(hs);
      case "v1y" -> new V1Young(hs);
      case "w1" -> new W1(hs);
      case "t1" -> new T1(hs);
      case "t2" -> new T2(hs);
      case "t3" -> new T3(hs);
      case "w2" -> new W2(hs);
      case "w3" -> new W3(hs);
      case "w4" -> new W4(hs);
      case "plain-old" -> new PlainOld(hs);
      case "plain-young" -> new PlainYoung(hs);
      default -> throw new IllegalArgumentException(impl);
    };
    System.gc();
  }

  @Benchmark
  public int[] pass() {
    return loop.run();
  }

  abstract static class Loop {
    final RecoveryHandler[] batch;
    final int count;
    volatile int removals;
    int passCalls;
    final Slots2 found = new Slots2();

    Loop(RecoveryHandler[] hs) {
      batch = new RecoveryHandler[Integer.highestOneBit(hs.length) * 2];
      System.arraycopy(hs, 0, batch, 0, hs.length);
      count = hs.length;
    }

    abstract int[] run();

    void evict(int i) {
      batch[i] = null;
    }
  }

  static final class Slots2 {
    int size;
    int[] buf = new int[16];

    void clear() {
      size = 0;
    }

    Object append(int[] s) {
      size += s.length;
      return s.length > 1000 ? this : null;
    }

    int[] toArray() {
      return size == 0 ? GroupHandlers.NONE : new int[size];
    }
  }

  /** Indexed loop, null skip, slots length check. */
  static final class V1 extends Loop {
    V1(RecoveryHandler[] hs) { super(hs); }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      int skipped = 0;
      Slots2 f = found;
      f.clear();
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = b[i];
        if (h == null) { skipped++; continue; }
        int[] s = h.recover();
        if (s.length != 0) { f.append(s); }
      }
      passCalls = n - skipped;
      return f.toArray();
    }
  }

  /** V1 + volatile check after each call. */
  static final class V2 extends Loop {
    V2(RecoveryHandler[] hs) { super(hs); }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      int skipped = 0;
      int seen = removals;
      Slots2 f = found;
      f.clear();
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = b[i];
        if (h == null) { skipped++; continue; }
        int[] s = h.recover();
        if (s.length != 0) { f.append(s); }
        int r = removals;
        if (r != seen) { seen = r; passCalls++; }
      }
      passCalls = n - skipped;
      return f.toArray();
    }
  }

  /** V2 + try/catch and null result check. */
  static final class V3 extends Loop {
    V3(RecoveryHandler[] hs) { super(hs); }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      int skipped = 0;
      int seen = removals;
      Slots2 f = found;
      f.clear();
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = b[i];
        if (h == null) { skipped++; continue; }
        int[] s;
        try {
          s = h.recover();
        } catch (Throwable t) {
          evict(i);
          if (t instanceof VirtualMachineError e) { passCalls = i; throw e; }
          s = GroupHandlers.NONE;
        }
        if (s == null) { evict(i); } else if (s.length != 0) { if (f.append(s) != null) { evict(i); } }
        int r = removals;
        if (r != seen) { seen = r; passCalls++; }
      }
      passCalls = n - skipped;
      return f.toArray();
    }
  }

  /** V1 without the volatile but with try/catch. */
  static final class V4 extends Loop {
    V4(RecoveryHandler[] hs) { super(hs); }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      int skipped = 0;
      Slots2 f = found;
      f.clear();
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = b[i];
        if (h == null) { skipped++; continue; }
        int[] s;
        try {
          s = h.recover();
        } catch (Throwable t) {
          evict(i);
          if (t instanceof VirtualMachineError e) { passCalls = i; throw e; }
          s = GroupHandlers.NONE;
        }
        if (s == null) { evict(i); } else if (s.length != 0) { if (f.append(s) != null) { evict(i); } }
      }
      passCalls = n - skipped;
      return f.toArray();
    }
  }

  static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(RecoveryHandler[].class);

  /** V1 + a plain field read after each call. */
  static final class V5 extends Loop {
    int plain;

    V5(RecoveryHandler[] hs) { super(hs); }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      int skipped = 0;
      int seen = plain;
      Slots2 f = found;
      f.clear();
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = b[i];
        if (h == null) { skipped++; continue; }
        int[] s = h.recover();
        if (s.length != 0) { f.append(s); }
        int r = plain;
        if (r != seen) { seen = r; passCalls++; }
      }
      passCalls = n - skipped;
      return f.toArray();
    }
  }

  /** V1 with each entry read with getAcquire. */
  static final class V6 extends Loop {
    V6(RecoveryHandler[] hs) { super(hs); }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      int skipped = 0;
      Slots2 f = found;
      f.clear();
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = (RecoveryHandler) ENTRY.getAcquire(b, i);
        if (h == null) { skipped++; continue; }
        int[] s = h.recover();
        if (s.length != 0) { f.append(s); }
      }
      passCalls = n - skipped;
      return f.toArray();
    }
  }

  /** V1 with each entry read with getOpaque. */
  static final class V7 extends Loop {
    V7(RecoveryHandler[] hs) { super(hs); }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      int skipped = 0;
      Slots2 f = found;
      f.clear();
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = (RecoveryHandler) ENTRY.getOpaque(b, i);
        if (h == null) { skipped++; continue; }
        int[] s = h.recover();
        if (s.length != 0) { f.append(s); }
      }
      passCalls = n - skipped;
      return f.toArray();
    }
  }

  /** V1 over a copy of its array made at the first pass, after set-up's full collection. */
  static final class V1Young extends Loop {
    private RecoveryHandler[] young;

    V1Young(RecoveryHandler[] hs) { super(hs); }

    @Override
    int[] run() {
      if (young == null) {
        young = batch.clone();
      }
      RecoveryHandler[] b = young;
      int n = count;
      int skipped = 0;
      Slots2 f = found;
      f.clear();
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = b[i];
        if (h == null) { skipped++; continue; }
        int[] s = h.recover();
        if (s.length != 0) { f.append(s); }
      }
      passCalls = n - skipped;
      return f.toArray();
    }
  }

  /** The plain loop over an exact array allocated before set-up's full collection. */
  static final class PlainOld extends Loop {
    private final RecoveryHandler[] exact;

    PlainOld(RecoveryHandler[] hs) {
      super(hs);
      exact = hs.clone();
    }

    @Override
    int[] run() {
      Slots slots = null;
      for (RecoveryHandler handler : exact) {
        slots = Slots.add(slots, handler.recover());
      }
      return Slots.result(slots);
    }
  }

  /** The plain loop over an exact array allocated at the first pass (as PlainLoopBaseline). */
  static final class PlainYoung extends Loop {
    private RecoveryHandler[] exact;
    private final RecoveryHandler[] source;

    PlainYoung(RecoveryHandler[] hs) {
      super(hs);
      source = hs;
    }

    @Override
    int[] run() {
      if (exact == null) {
        exact = source.clone();
      }
      Slots slots = null;
      for (RecoveryHandler handler : exact) {
        slots = Slots.add(slots, handler.recover());
      }
      return Slots.result(slots);
    }
  }

  /** Plain, old array, plus a null check that skips. */
  static final class W1 extends Loop {
    private final RecoveryHandler[] exact;

    W1(RecoveryHandler[] hs) { super(hs); exact = hs.clone(); }

    @Override
    int[] run() {
      Slots slots = null;
      for (RecoveryHandler handler : exact) {
        if (handler == null) { continue; }
        slots = Slots.add(slots, handler.recover());
      }
      return Slots.result(slots);
    }
  }

  /** Plain, but indexed to count over the capacity array. */
  static final class W2 extends Loop {
    W2(RecoveryHandler[] hs) { super(hs); }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      Slots slots = null;
      for (int i = 0; i < n; i++) {
        slots = Slots.add(slots, b[i].recover());
      }
      return Slots.result(slots);
    }
  }

  /** Plain, old array, plus null check counting skips. */
  static final class W3 extends Loop {
    private final RecoveryHandler[] exact;

    W3(RecoveryHandler[] hs) { super(hs); exact = hs.clone(); }

    @Override
    int[] run() {
      Slots slots = null;
      int skipped = 0;
      for (RecoveryHandler handler : exact) {
        if (handler == null) { skipped++; continue; }
        slots = Slots.add(slots, handler.recover());
      }
      passCalls = skipped;
      return Slots.result(slots);
    }
  }

  /** Plain, old array, with the Slots2 collector of V1. */
  static final class W4 extends Loop {
    private final RecoveryHandler[] exact;

    W4(RecoveryHandler[] hs) { super(hs); exact = hs.clone(); }

    @Override
    int[] run() {
      Slots2 f = found;
      f.clear();
      for (RecoveryHandler handler : exact) {
        int[] s = handler.recover();
        if (s.length != 0) { f.append(s); }
      }
      return f.toArray();
    }
  }

  /** A tombstone that is called, not skipped: counts the skips itself. */
  static final class Tomb implements RecoveryHandler {
    int calls;

    @Override
    public int[] recover() {
      calls++;
      return GroupHandlers.NONE;
    }
  }

  /** V3 (counter after the call, try/catch, null result check) with tombstones called, no null check. */
  static final class T1 extends Loop {
    final Tomb tomb = new Tomb();

    T1(RecoveryHandler[] hs) { super(hs); }

    @Override
    void evict(int i) {
      batch[i] = tomb;
    }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      int seen = removals;
      Slots2 f = found;
      f.clear();
      tomb.calls = 0;
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = b[i];
        int[] s;
        try {
          s = h.recover();
        } catch (Throwable t) {
          evict(i);
          if (t instanceof VirtualMachineError e) { passCalls = i; throw e; }
          s = GroupHandlers.NONE;
        }
        if (s == null) { evict(i); } else if (s.length != 0) { if (f.append(s) != null) { evict(i); } }
        int r = removals;
        if (r != seen) { seen = r; passCalls++; }
      }
      passCalls = n - tomb.calls;
      return f.toArray();
    }
  }

  /** T1 without the counter. */
  static final class T2 extends Loop {
    final Tomb tomb = new Tomb();

    T2(RecoveryHandler[] hs) { super(hs); }

    @Override
    void evict(int i) {
      batch[i] = tomb;
    }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      Slots2 f = found;
      f.clear();
      tomb.calls = 0;
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = b[i];
        int[] s;
        try {
          s = h.recover();
        } catch (Throwable t) {
          evict(i);
          if (t instanceof VirtualMachineError e) { passCalls = i; throw e; }
          s = GroupHandlers.NONE;
        }
        if (s == null) { evict(i); } else if (s.length != 0) { if (f.append(s) != null) { evict(i); } }
      }
      passCalls = n - tomb.calls;
      return f.toArray();
    }
  }

  /** T1 without the try/catch. */
  static final class T3 extends Loop {
    final Tomb tomb = new Tomb();

    T3(RecoveryHandler[] hs) { super(hs); }

    @Override
    void evict(int i) {
      batch[i] = tomb;
    }

    @Override
    int[] run() {
      RecoveryHandler[] b = batch;
      int n = count;
      int seen = removals;
      Slots2 f = found;
      f.clear();
      tomb.calls = 0;
      for (int i = 0; i < n; i++) {
        RecoveryHandler h = b[i];
        int[] s = h.recover();
        if (s == null) { evict(i); } else if (s.length != 0) { if (f.append(s) != null) { evict(i); } }
        int r = removals;
        if (r != seen) { seen = r; passCalls++; }
      }
      passCalls = n - tomb.calls;
      return f.toArray();
    }
  }
}
