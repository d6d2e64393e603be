package meshos.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import meshos.api.RecoveryHandler;
import org.junit.jupiter.api.Test;

/**
 * The brief spin before locking: bounded by {@link LockSpin#LIMIT} checks, ended by the first check
 * that finds the lock free, and done before every acquisition of the registry's lock.
 */
class LockSpinTest {
  /** A lock whose isLocked() answers from a script and counts the checks made before each lock(). */
  private static final class ScriptedLock extends ReentrantLock {
    private static final long serialVersionUID = 1L;
    int heldForChecks;
    int checks;
    final transient List<Integer> checksBeforeEachLock = new ArrayList<>();

    @Override
    public boolean isLocked() {
      checks++;
      return checks <= heldForChecks;
    }

    @Override
    public void lock() {
      checksBeforeEachLock.add(checks);
      checks = 0;
      super.lock();
    }
  }

  private final ScriptedLock lock = new ScriptedLock();

  @Test
  void aFreeLockIsCheckedOnce() {
    LockSpin.whileHeld(lock);
    assertEquals(1, lock.checks);
  }

  @Test
  void aLockReleasedAfterTenChecksEndsTheSpinAtTheEleventh() {
    lock.heldForChecks = 10;
    LockSpin.whileHeld(lock);
    assertEquals(11, lock.checks);
  }

  @Test
  void aLockHeldThroughoutIsCheckedExactlyLimitTimes() {
    lock.heldForChecks = Integer.MAX_VALUE;
    LockSpin.whileHeld(lock);
    assertEquals(LockSpin.LIMIT, lock.checks);
  }

  @Test
  void everyAcquisitionOfTheRegistrysLockSpinsFirst() throws ReflectiveOperationException {
    LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
    Field field = LockingRecoveryRegistry.class.getDeclaredField("lock");
    field.setAccessible(true);
    field.set(registry, lock);
    registry.enableCallMarks(); // one acquisition
    RecoveryHandler other = () -> Slots.NONE;
    registry.register(() -> {
      registry.markRunningCall(h -> {});
      registry.unregister(other); // during a pass: two acquisitions
      return null; // evicted: one more
    });
    registry.register(other);
    registry.size();
    registry.handlers();
    registry.unregister(() -> Slots.NONE); // outside a pass: one acquisition

    registry.tryRunAll(); // swap, the handler's calls (three locks), evict, merge: six

    assertEquals(12, lock.checksBeforeEachLock.size(), lock.checksBeforeEachLock.toString());
    assertTrue(lock.checksBeforeEachLock.stream().allMatch(n -> n == 1),
        "each lock() comes after one isLocked() check: " + lock.checksBeforeEachLock);
  }
}
