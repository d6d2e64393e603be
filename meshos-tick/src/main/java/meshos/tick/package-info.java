/**
 * The tick runtime: {@link meshos.tick.MeshOsRuntime}, its builder options, and what it reports
 * ({@link meshos.tick.TickReport}, {@link meshos.tick.RuntimeStats}, {@link
 * meshos.tick.ProviderInfo}).
 *
 * <p>Every reference parameter must be non-null unless documented otherwise; passing {@code null}
 * throws {@link NullPointerException} naming the parameter.
 */
@NullMarked
package meshos.tick;

import org.jspecify.annotations.NullMarked;
