package meshos.tick.internal;

import java.util.ArrayList;
import java.util.List;
import meshos.tick.ProviderInfo;

/**
 * Copies failures so that they do not hold a plugin's classes: a {@link Throwable} keeps the
 * classes of its stack frames alive (through its backtrace), and its own class may be the
 * plugin's. The copy has the original's {@code toString()} as message and its stack trace, and
 * copies of its causes and suppressed exceptions. Stateless.
 */
final class PluginFailures {
  /** Deeper cause chains are cut: a cycle or a pathological chain cannot loop. */
  private static final int MAX_DEPTH = 16;

  private PluginFailures() {}

  /**
   * Copies the causes of {@code infos}.
   *
   * @param infos providers as discovery reported them
   * @return the same entries, their causes replaced by copies
   */
  static List<ProviderInfo> detach(List<ProviderInfo> infos) {
    List<ProviderInfo> copies = new ArrayList<>(infos.size());
    for (ProviderInfo info : infos) {
      copies.add(new ProviderInfo(info.className(), info.moduleName(), info.outcome(),
          info.cause().map(t -> copy(t, 0))));
    }
    return List.copyOf(copies);
  }

  /**
   * Copies {@code t}, its causes and suppressed exceptions.
   *
   * @param t a failure
   * @param depth how deep in a cause chain {@code t} is
   * @return a copy made only of JDK classes
   */
  static Throwable copy(Throwable t, int depth) {
    DetachedFailure copy = new DetachedFailure(t.toString());
    copy.setStackTrace(t.getStackTrace());
    if (depth < MAX_DEPTH) {
      Throwable cause = t.getCause();
      if (cause != null && cause != t) {
        copy.initCause(copy(cause, depth + 1));
      }
      for (Throwable s : t.getSuppressed()) {
        copy.addSuppressed(copy(s, depth + 1));
      }
    }
    return copy;
  }

  /** A failure of an unloaded plugin, described by the original's {@code toString()}. */
  static final class DetachedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DetachedFailure(String original) {
      super(original);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // the original's stack trace is set instead
    }

    @Override
    @SuppressWarnings("OverrideThrowableToString") // prints exactly as the original did
    public String toString() {
      return String.valueOf(getMessage()); // as the original printed itself
    }
  }
}
