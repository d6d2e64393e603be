package meshos.tick.internal;

import org.jspecify.annotations.Nullable;

/**
 * What the tick in flight is doing, published by the ticking thread (one volatile write per
 * phase, none per handler) and read by the watchdog thread, which {@linkplain #culprit() names}
 * the culprit of an overrun: the phase, or during the pass the handler running, found on the
 * ticking thread's stack.
 */
public final class TickProgress {
  /** Phase names, as reported in {@code TickReport.overrunCulprits()}. */
  public static final String POLL = "probe poll";
  /** The fold of the readings into the snapshot. */
  public static final String FOLD = "snapshot fold";
  /** The recovery pass. */
  public static final String PASS = "recovery pass";
  /** No tick in flight. */
  public static final String IDLE = "idle";

  private final HandlerNames names;
  private final String registryClass;

  /** The registry's package with its trailing dot ("" for the unnamed package). */
  private final String registryPackage;
  private volatile String phase = IDLE;
  private volatile @Nullable Thread ticking;

  /**
   * @param names names the handler found on the stack
   * @param registryClass the class name of the registry whose pass the tick runs
   */
  public TickProgress(HandlerNames names, String registryClass) {
    this.names = names;
    this.registryClass = registryClass;
    this.registryPackage = registryClass.substring(0, registryClass.lastIndexOf('.') + 1);
  }

  /** Ticking thread: a tick starts on the calling thread, in the poll phase. */
  public void tickStarted() {
    phase = POLL; // before the watchdog can see the tick: no sample names "idle" mid-tick
    ticking = Thread.currentThread();
  }

  /**
   * Ticking thread: the tick enters {@code next}.
   *
   * @param next one of the phase constants
   */
  public void phase(String next) {
    phase = next;
  }

  /**
   * Whether the tick in flight is in its recovery pass; any thread.
   *
   * @return true during the pass
   */
  public boolean inPass() {
    return PASS.equals(phase);
  }

  /** Ticking thread: the tick ended. */
  public void tickEnded() {
    phase = IDLE;
    ticking = null;
  }

  /**
   * Watchdog thread, once a tick is over budget: names what the tick in flight is doing. During
   * the pass it reads the ticking thread's stack: the first frame below the registry's {@code
   * tryRunAll} that is not of a class in the registry's package (its pass loop, its tombstone) is
   * the running handler, named by {@link HandlerNames#nameOfCode}; so a handler class in the
   * package of a custom registry is not named.
   *
   * @return a phase name or a handler name
   */
  public String culprit() {
    String now = phase;
    Thread thread = ticking;
    if (!PASS.equals(now) || thread == null) {
      return now;
    }
    StackTraceElement[] stack = thread.getStackTrace();
    for (int i = 1; i < stack.length; i++) {
      if (stack[i].getClassName().equals(registryClass)
          && stack[i].getMethodName().equals("tryRunAll")) {
        // Below tryRunAll, skip the registry's own frames (its pass loop, in its package): the
        // next one is the handler. A handler calling back into the registry sits below its own
        // frame, not here.
        int j = i - 1;
        while (j > 0 && isRegistrys(stack[j])) {
          j--;
        }
        return isRegistrys(stack[j]) ? now : names.nameOfCode(stack[j]);
      }
    }
    return now;
  }

  /** Whether {@code frame} is of a class in the registry's package (not a subpackage). */
  private boolean isRegistrys(StackTraceElement frame) {
    String name = frame.getClassName();
    int dot = name.lastIndexOf('.');
    return name.startsWith(registryPackage) && dot == registryPackage.length() - 1;
  }
}
