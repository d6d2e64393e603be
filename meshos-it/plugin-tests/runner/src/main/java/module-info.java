/** Loads and unloads plugin jars in a runtime and prints what happened, for PluginIT. */
module meshos.it.plugins {
  requires meshos.tick;
  requires java.management;
  requires jdk.jfr;
}
