package meshos.registry;

import meshos.api.RecoveryHandler;

/**
 * What a removal leaves in the batch of the pass in progress: a handler that recovers nothing and
 * counts the times it is called. The pass calls it like any other entry, so that its loop needs no
 * null check, and subtracts those calls, which are skips, from the pass's handler calls. One per
 * registry, never registered, never reported, never returned by {@link
 * LockingRecoveryRegistry#handlers()}. Called, like {@link #takeSkips()}, only by the thread
 * running a pass; the registry's lock orders one pass's use before the next one's.
 */
final class Tombstone implements RecoveryHandler {
  private int skips;

  @Override
  public int[] recover() {
    skips++;
    return SlotBuffer.none();
  }

  /** The skips since the last call of this method, which starts the count again. */
  int takeSkips() {
    int taken = skips;
    skips = 0;
    return taken;
  }

  @Override
  public String toString() {
    return "Tombstone";
  }
}
