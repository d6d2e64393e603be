package meshos.tick;

import java.time.Duration;
import java.util.List;

/**
 * Counters of a {@link MeshOsRuntime} since it was built, read by {@link MeshOsRuntime#stats()}.
 * Each counter is exact; counters are read one after the other, not as one atomic snapshot.
 *
 * @param ticks ticks run
 * @param lateTicks ticks that started later than due by more than the tolerance (see {@link
 *     MissedTickPolicy})
 * @param handlerRuns handler calls made by the ticks' passes (see {@link
 *     TickReport#handlersRun()})
 * @param slotsRecovered slots reported recovered by handlers
 * @param evictions handlers evicted
 * @param probeFailures probe calls that failed (the probe was skipped and kept)
 * @param listenerFailures tick-listener calls that threw
 * @param phaseFailures tick phases (poll, fold, pass) ended by an error that escaped their
 *     component, such as a {@link VirtualMachineError} rethrown by the registry
 * @param actionsRun actions the action queue ran to completion
 * @param actionsDropped actions refused because the queue was full or closed
 * @param actionsFailed actions that threw
 * @param actionsAbandoned actions still queued when {@code close()} gave up waiting
 * @param lastTickDuration duration of the latest tick; zero before the first
 * @param maxTickDuration longest tick so far; zero before the first
 * @param overruns ticks that took longer than the tick budget
 * @param lastOverrunCulprits the culprits of the latest overrun (see {@link
 *     TickReport#overrunCulprits()}); empty if there was none
 * @param restarts handlers re-registered by {@linkplain Supervision supervision} after a quarantine
 * @param givenUp evicted handlers supervision gave up for good (also counted in {@code evictions})
 */
public record RuntimeStats(
    long ticks,
    long lateTicks,
    long handlerRuns,
    long slotsRecovered,
    long evictions,
    long probeFailures,
    long listenerFailures,
    long phaseFailures,
    long actionsRun,
    long actionsDropped,
    long actionsFailed,
    long actionsAbandoned,
    Duration lastTickDuration,
    Duration maxTickDuration,
    long overruns,
    List<String> lastOverrunCulprits,
    long restarts,
    long givenUp) {

  /**
   * Copies the culprit list.
   *
   * @param ticks ticks run
   * @param lateTicks ticks that started later than due by more than the tolerance (see {@link
   *     MissedTickPolicy})
   * @param handlerRuns handler calls made by the ticks' passes (see {@link
   *     TickReport#handlersRun()})
   * @param slotsRecovered slots reported recovered by handlers
   * @param evictions handlers evicted
   * @param probeFailures probe calls that failed (the probe was skipped and kept)
   * @param listenerFailures tick-listener calls that threw
   * @param phaseFailures tick phases (poll, fold, pass) ended by an error that escaped their
   *     component, such as a {@link VirtualMachineError} rethrown by the registry
   * @param actionsRun actions the action queue ran to completion
   * @param actionsDropped actions refused because the queue was full or closed
   * @param actionsFailed actions that threw
   * @param actionsAbandoned actions still queued when {@code close()} gave up waiting
   * @param lastTickDuration duration of the latest tick; zero before the first
   * @param maxTickDuration longest tick so far; zero before the first
   * @param overruns ticks that took longer than the tick budget
   * @param lastOverrunCulprits the culprits of the latest overrun (see {@link
   *     TickReport#overrunCulprits()}); empty if there was none
   * @param restarts handlers re-registered by {@linkplain Supervision supervision} after a quarantine
   * @param givenUp evicted handlers supervision gave up for good (also counted in {@code evictions})
   */
  public RuntimeStats {
    lastOverrunCulprits = List.copyOf(lastOverrunCulprits);
  }
}
