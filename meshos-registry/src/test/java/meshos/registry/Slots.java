package meshos.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import meshos.api.RecoveryHandler;

/** Test fakes: handlers that record that they ran and report fixed slots. */
final class Slots {
  private Slots() {}

  static final int[] NONE = new int[0];

  /** A handler named {@code name} that appends its name to {@code log} and recovers {@code slots}. */
  static RecoveryHandler logging(List<String> log, String name, int... slots) {
    return new RecoveryHandler() {
      @Override
      public int[] recover() {
        log.add(name);
        return slots;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /** {@code body} under the name {@code name} (its {@code toString}, as logs show it). */
  static RecoveryHandler named(String name, RecoveryHandler body) {
    return new RecoveryHandler() {
      @Override
      public int[] recover() {
        return body.recover();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  static List<String> newLog() {
    return Collections.synchronizedList(new ArrayList<>());
  }

  static int[] ints(int... values) {
    return values;
  }
}
