package meshos.registry;

/** Throws a checked exception from code that does not declare it, as badly behaved handlers do. */
final class Sneaky {
  private Sneaky() {}

  /** Throws {@code t} unchecked; declared to return so that callers can write {@code throw}. */
  static RuntimeException sneaky(Throwable t) {
    return Sneaky.<RuntimeException>doThrow(t);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException doThrow(Throwable t) throws T {
    throw (T) t;
  }
}
