package meshos.tick;

import java.lang.reflect.Method;

/** The JVM's count of classes loaded so far, through reflection (meshos.tick does not read java.management). */
final class ClassesLoaded {
  private ClassesLoaded() {}

  static long total() throws ReflectiveOperationException {
    Object bean = Class.forName("java.lang.management.ManagementFactory")
        .getMethod("getClassLoadingMXBean").invoke(null);
    Method total = Class.forName("java.lang.management.ClassLoadingMXBean")
        .getMethod("getTotalLoadedClassCount");
    return (long) total.invoke(bean);
  }
}
