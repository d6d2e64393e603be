package meshos.registry;

import java.lang.reflect.Method;

/**
 * Reads the bytes allocated by the current thread through {@code
 * com.sun.management.ThreadMXBean}, reflectively, since the module under test does not read
 * {@code java.management}.
 */
final class AllocationMeter {
  private static final Object BEAN;
  private static final Method ALLOCATED;

  static {
    try {
      BEAN = Class.forName("java.lang.management.ManagementFactory")
          .getMethod("getThreadMXBean").invoke(null);
      ALLOCATED = Class.forName("com.sun.management.ThreadMXBean")
          .getMethod("getCurrentThreadAllocatedBytes");
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private AllocationMeter() {}

  static long allocatedBytes() {
    try {
      return (Long) ALLOCATED.invoke(BEAN);
    } catch (ReflectiveOperationException e) {
      throw new LinkageError(e.getMessage(), e);
    }
  }
}
