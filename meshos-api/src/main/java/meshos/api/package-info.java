/**
 * Recovery handlers, the registry that runs them once per tick, and the off-loop action queue.
 *
 * <p>Unless a method says otherwise, every reference parameter of every type in this package must
 * be non-null; passing {@code null} throws {@link NullPointerException} naming the parameter.
 */
@NullMarked
package meshos.api;

import org.jspecify.annotations.NullMarked;
