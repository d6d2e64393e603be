package meshos.registry;

import java.lang.invoke.VarHandle;
import meshos.api.RecoveryHandler;
import org.jspecify.annotations.Nullable;

/**
 * The loop of a pass of {@link LockingRecoveryRegistry}: calls each entry of the pass's batch once,
 * collects the slots, and hands every failure to the registry's eviction. Owned by the thread
 * running the pass: one pass at a time, and the registry's lock orders one pass's use of it before
 * the next one's. It has two loops, so that only a registry whose marks are enabled pays for
 * checking them; each is a unit of its own for the JIT.
 */
final class PassLoop {
  private final SlotBuffer found = new SlotBuffer();
  private final Tombstone tombstone;
  private final CallMark mark;

  /** Handler calls of the last pass, a pass ended by a fatal error included. */
  private int calls;

  PassLoop(Tombstone tombstone, CallMark mark) {
    this.tombstone = tombstone;
    this.mark = mark;
  }

  /**
   * Runs {@code batch[0, count)}: each entry is read with acquire semantics just before its call
   * (see "Unregistering during a pass" in {@link LockingRecoveryRegistry}); with {@code
   * checkMarks}, the mark counter is read after each call.
   *
   * @return the slots, checked
   */
  int[] run(LockingRecoveryRegistry registry, RecoveryHandler[] batch, int count,
      boolean checkMarks) {
    found.clear();
    if (checkMarks) {
      runCheckingMarks(registry, batch, count);
    } else {
      runWithoutMarks(registry, batch, count);
    }
    calls = count - tombstone.takeSkips();
    return found.toArray();
  }

  /** The handler calls of the last pass; then 0 until the next one. */
  int takeCalls() {
    int taken = calls;
    calls = 0;
    return taken;
  }

  private void runWithoutMarks(LockingRecoveryRegistry registry, RecoveryHandler[] batch,
      int count) {
    for (int i = 0; i < count; i++) {
      RecoveryHandler handler = batch[i]; // a removed entry is the tombstone, called like the others
      VarHandle.acquireFence(); // makes the read above an acquire
      int[] slots;
      try {
        slots = handler.recover();
      } catch (Throwable t) {
        slots = failed(registry, batch, i, handler, t);
      }
      if (slots == null || slots.length != 0) {
        collect(registry, batch, i, handler, slots);
      }
    }
  }

  private void runCheckingMarks(LockingRecoveryRegistry registry, RecoveryHandler[] batch,
      int count) {
    int seenMarks = mark.count();
    for (int i = 0; i < count; i++) {
      RecoveryHandler handler = batch[i];
      VarHandle.acquireFence();
      int[] slots;
      try {
        slots = handler.recover();
      } catch (Throwable t) {
        slots = failed(registry, batch, i, handler, t);
      }
      if (slots == null || slots.length != 0) {
        collect(registry, batch, i, handler, slots);
      }
      // After the call, so the handler to name is the one in hand; a tombstone's call is no call,
      // so a mark first seen after one waits for the next call.
      int now = mark.count();
      if (now != seenMarks && handler != tombstone) {
        seenMarks = now;
        mark.report(handler);
      }
    }
  }

  /** Evicts the entry whose call threw; rethrows a fatal error, else the pass goes on. */
  private int[] failed(LockingRecoveryRegistry registry, RecoveryHandler[] batch, int index,
      RecoveryHandler handler, Throwable t) {
    registry.evict(batch, index, handler, t);
    if (t instanceof VirtualMachineError fatal && !(t instanceof StackOverflowError)) {
      calls = index + 1 - tombstone.takeSkips();
      throw fatal;
    }
    return SlotBuffer.none();
  }

  /** Adds the checked slots of a call that returned some, or evicts its handler. */
  private void collect(LockingRecoveryRegistry registry, RecoveryHandler[] batch, int index,
      RecoveryHandler handler, int @Nullable [] slots) {
    if (slots == null) {
      registry.evict(batch, index, handler, InvalidRecoveryResultException.nullResult());
      return;
    }
    InvalidRecoveryResultException invalid = found.appendChecked(slots);
    if (invalid != null) {
      registry.evict(batch, index, handler, invalid);
    }
  }
}
