/**
 * JMH benchmarks of meshos against the baselines users would pick instead. Not deployed; run from
 * the shaded {@code target/benchmarks.jar} (class path). Open, since JMH instantiates the
 * generated benchmark classes reflectively.
 */
@SuppressWarnings("requires-automatic") // jmh-core has no module-info
open module meshos.benchmarks {
  requires meshos.tick;
  requires jmh.core;
  requires com.google.gson;
  requires java.desktop;
  requires java.management;
  requires java.logging; // the tests silence the runtime's log (deliberate faults)
}
