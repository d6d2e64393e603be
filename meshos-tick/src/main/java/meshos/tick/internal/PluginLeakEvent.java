package meshos.tick.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.jspecify.annotations.Nullable;

/** JFR event: an unloaded plugin's class loader survived two old-generation collections. */
@Name("meshos.PluginLeak")
@Label("meshos Plugin Leak")
@Category("meshos")
@Description("An unloaded plugin's class loader is still reachable after two old-generation"
    + " collections since its unload")
public final class PluginLeakEvent extends jdk.jfr.Event {
  @Label("Runtime")
  public @Nullable String runtime;

  @Label("Plugin")
  public @Nullable String plugin;

  @Label("Likely Holders")
  public @Nullable String holders;

  @Label("Old Collections Since Unload")
  public long oldCollections;
}
