/**
 * {@link meshos.registry.LockingRecoveryRegistry} and its {@link meshos.registry.EvictionListener}.
 *
 * <p>Every reference parameter must be non-null unless documented otherwise.
 */
@NullMarked
package meshos.registry;

import org.jspecify.annotations.NullMarked;
