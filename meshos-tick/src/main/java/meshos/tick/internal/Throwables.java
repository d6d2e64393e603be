package meshos.tick.internal;

/** Classifies what third-party code threw. */
public final class Throwables {
  private Throwables() {}

  /**
   * True for errors after which the JVM may be unusable: every {@link VirtualMachineError} but
   * {@link StackOverflowError}, whose stack has unwound by the time it is caught.
   */
  public static boolean isFatal(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }
}
