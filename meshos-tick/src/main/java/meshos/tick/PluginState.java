package meshos.tick;

/** Where a {@link Plugin} is in its life: loaded, being unloaded, unloaded, and then collected. */
public enum PluginState {
  /** Its providers' handlers and probes are in the runtime; its actions may run. */
  LOADED,
  /** {@link Plugins#unload} is removing what it registered. */
  UNLOADING,
  /**
   * Everything it registered is removed and the runtime holds no reference to it, but its class
   * loader has not been collected yet (the JVM may simply not have run a collection that unloads
   * classes). Listed by {@link Plugins#pendingUnloads()}.
   */
  UNLOADED,
  /**
   * Unloaded, and its class loader is still reachable after at least two collections of the old
   * generation since the unload: something outside the runtime holds it (a WARNING named what may
   * hold it). Becomes {@link #COLLECTED} if the holder lets go. Listed by {@link
   * Plugins#pendingUnloads()}.
   */
  LEAKED,
  /** Unloaded, and its class loader (with all its classes) has been garbage collected. */
  COLLECTED
}
