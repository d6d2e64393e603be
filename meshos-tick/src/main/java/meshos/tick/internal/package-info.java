/** Implementation of the tick runtime; not exported. */
@NullMarked
package meshos.tick.internal;

import org.jspecify.annotations.NullMarked;
