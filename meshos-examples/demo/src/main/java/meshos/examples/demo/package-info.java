/** The runnable demo: {@link meshos.examples.demo.Demo} plays a scripted {@link meshos.examples.demo.Story}. */
@NullMarked
package meshos.examples.demo;

import org.jspecify.annotations.NullMarked;
