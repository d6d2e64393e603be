/**
 * Micrometer metrics for a meshos runtime: {@link meshos.micrometer.MeshOsMetrics}.
 */
@NullMarked
package meshos.micrometer;

import org.jspecify.annotations.NullMarked;
