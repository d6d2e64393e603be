/** Implementation of the tick runtime; not exported. */
package meshos.tick.internal;
