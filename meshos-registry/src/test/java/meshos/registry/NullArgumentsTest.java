package meshos.registry;

import com.google.common.testing.NullPointerTester;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;

/** Every public method and constructor rejects null with a NullPointerException. */
class NullArgumentsTest {
  @Test
  void publicMethodsAndConstructorsRejectNull() {
    NullPointerTester tester = new NullPointerTester()
        .setDefault(RecoveryHandler.class, () -> Slots.NONE)
        .setDefault(EvictionListener.class, (h, c) -> {});
    tester.testAllPublicConstructors(LockingRecoveryRegistry.class);
    tester.testAllPublicInstanceMethods(new LockingRecoveryRegistry());
  }
}
