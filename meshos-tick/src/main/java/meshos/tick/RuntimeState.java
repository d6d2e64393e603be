package meshos.tick;

/** The lifecycle of a {@link MeshOsRuntime}: NEW → RUNNING → STOPPING → TERMINATED. */
public enum RuntimeState {
  /** Built, not started. */
  NEW,
  /** Started: ticking (or, with manual ticks, accepting {@link MeshOsRuntime#tick()}). */
  RUNNING,
  /** {@link MeshOsRuntime#close()} was called; the tick in flight and queued actions finish. */
  STOPPING,
  /** Stopped: no more ticks, the action queue is closed. */
  TERMINATED
}
