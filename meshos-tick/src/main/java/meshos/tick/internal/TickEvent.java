package meshos.tick.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.jspecify.annotations.Nullable;

/** JFR event: one tick of a runtime; its duration is the event's. */
@Name("meshos.Tick")
@Label("meshos Tick")
@Category("meshos")
@Description("One tick of a meshos runtime: probes, recovery pass, report")
public final class TickEvent extends jdk.jfr.Event {
  @Label("Runtime")
  public @Nullable String runtime;

  @Label("Tick")
  public long tick;

  @Label("Handlers Run")
  public int handlersRun;

  @Label("Slots Recovered")
  public int slotsRecovered;

  @Label("Evictions")
  public int evictions;

  @Label("Over Budget")
  public boolean overBudget;
}
