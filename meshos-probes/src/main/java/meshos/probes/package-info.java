/**
 * Probe interfaces ({@link meshos.probes.LocalityProbe}, {@link meshos.probes.HealthProbe}, {@link
 * meshos.probes.InventoryProbe}), their samples, the {@link meshos.probes.ProbeRegistry} and the
 * values a poll produces ({@link meshos.probes.ProbeReadings}, {@link meshos.probes.PeerSnapshot}).
 *
 * <p>Every reference parameter must be non-null unless documented otherwise; values are immutable.
 *
 * <h2>Probe contract (all three kinds)</h2>
 *
 * <ul>
 *   <li><b>Thread.</b> Called once per tick on the runtime's tick thread (or the thread calling
 *       {@link meshos.probes.ProbeRegistry#poll()}), one probe after the other, in registration
 *       order. Never called concurrently with itself by one registry unless polls are.
 *   <li><b>Must complete quickly:</b> every probe delays the recovery handlers of the same tick.
 *   <li><b>Re-entry.</b> A probe may add or remove probes on its registry; the change takes effect
 *       from the next poll.
 *   <li><b>Throwing.</b> A probe that throws, or returns {@code null} or a list holding {@code
 *       null}, is skipped for that poll (none of its samples are used), <em>kept</em>, polled again
 *       next time, and reported as a {@link meshos.probes.ProbeFailure}.
 * </ul>
 */
@NullMarked
package meshos.probes;

import org.jspecify.annotations.NullMarked;
