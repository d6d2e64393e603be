package meshos.tick.internal;

/**
 * The module's one fatal-error policy: which {@link Throwable}s thrown by third-party code (a
 * handler, probe, listener, action or provider) are rethrown rather than contained. Every place
 * of {@code meshos.tick} that catches third-party failures asks this class. Any thread; stateless.
 */
public final class Throwables {
  private Throwables() {}

  /**
   * True for errors after which the JVM may be unusable: every {@link VirtualMachineError} but
   * {@link StackOverflowError}, whose stack has unwound by the time it is caught.
   *
   * @param t what was thrown
   * @return whether {@code t} must be rethrown once contained state is consistent
   */
  public static boolean isFatal(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }

  /**
   * Rethrows {@code t} if it is {@linkplain #isFatal fatal}; returns otherwise.
   *
   * @param t what was thrown
   * @throws VirtualMachineError {@code t} itself, if fatal
   */
  public static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError fatal && !(t instanceof StackOverflowError)) {
      throw fatal;
    }
  }

  /**
   * {@code t} as an unchecked throwable to rethrow: itself if unchecked (an {@link Error} is
   * thrown from here), else wrapped.
   *
   * @param t what was thrown
   * @return {@code t}, or an {@link java.lang.reflect.UndeclaredThrowableException} around it
   */
  public static RuntimeException asUnchecked(Throwable t) {
    if (t instanceof RuntimeException unchecked) {
      return unchecked;
    }
    if (t instanceof Error error) {
      throw error;
    }
    return new java.lang.reflect.UndeclaredThrowableException(t);
  }
}
