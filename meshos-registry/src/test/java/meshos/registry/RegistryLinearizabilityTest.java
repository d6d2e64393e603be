package meshos.registry;

import java.util.ArrayList;
import java.util.List;
import meshos.api.RecoveryHandler;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Model-checks {@link LockingRecoveryRegistry} with Lincheck: every interleaving explored of
 * register / size / isEmpty from one thread against passes and unregisters from another must be
 * explainable by some sequential order of the same operations.
 *
 * <p>A pass linearizes at its swap: the handlers it runs are those registered before it. Passes and
 * unregisters share a non-parallel group because the SPEC makes a pass with a concurrent removal
 * non-atomic on purpose: if another thread registers {@code x} and then unregisters {@code h}
 * while a pass is on its way to {@code h}, the pass runs neither (rule 3 keeps {@code x} for the
 * next pass, rule 7 skips {@code h}), which no sequential order of whole operations explains.
 * {@link UnregisterTest} covers unregistering during a pass.
 *
 * <p>Lincheck needs this class and its constructor to be public. Its timeout is its own, above the
 * build's 60 s default: the model check takes about 100 s on an idle 2-core machine and several
 * minutes on a loaded one, and cutting it short leaves its instrumentation active for the tests
 * after it.
 */
@SuppressWarnings("exports") // a public class (for Lincheck) annotated with JUnit's @Timeout
@Timeout(900)
@Param(name = "handler", gen = IntGen.class, conf = "0:2")
public class RegistryLinearizabilityTest {
  private static final int SPAWNER = 2;

  private final LockingRecoveryRegistry registry = new LockingRecoveryRegistry((h, c) -> {});
  private final RecoveryHandler[] handlers = new RecoveryHandler[3];

  /** Handlers 0 and 1 report their own index; handler 2 re-enters to register handler 0. */
  public RegistryLinearizabilityTest() {
    handlers[0] = () -> new int[] {0};
    handlers[1] = () -> new int[] {1};
    handlers[SPAWNER] = () -> {
      registry.register(handlers[0]);
      return new int[] {SPAWNER};
    };
  }

  @Operation
  public int register(@Param(name = "handler") int handler) {
    return registry.register(handlers[handler]);
  }

  @Operation(nonParallelGroup = "pass")
  public boolean unregister(@Param(name = "handler") int handler) {
    return registry.unregister(handlers[handler]);
  }

  @Operation
  public int size() {
    return registry.size();
  }

  @Operation
  public boolean isEmpty() {
    return registry.isEmpty();
  }

  @Operation(nonParallelGroup = "pass")
  public List<Integer> tryRunAll() {
    List<Integer> slots = new ArrayList<>();
    for (int slot : registry.tryRunAll()) {
      slots.add(slot);
    }
    return slots;
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions()
        .iterations(10)
        .invocationsPerIteration(1000)
        .threads(2)
        .actorsPerThread(3)
        .check(getClass());
  }
}
