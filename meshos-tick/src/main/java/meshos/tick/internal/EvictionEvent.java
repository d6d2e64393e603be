package meshos.tick.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.jspecify.annotations.Nullable;

/** JFR event: a recovery handler was evicted. */
@Name("meshos.Eviction")
@Label("meshos Handler Eviction")
@Category("meshos")
@Description("A recovery handler threw or returned a bad result and was removed")
public final class EvictionEvent extends jdk.jfr.Event {
  @Label("Runtime")
  public @Nullable String runtime;

  @Label("Handler")
  public @Nullable String handler;

  @Label("Cause Class")
  public @Nullable String causeClass;

  @Label("Cause Message")
  public @Nullable String causeMessage;

  @Label("Outcome")
  @Description("What became of the handler: EVICTED, QUARANTINED (to be restarted) or GIVEN_UP")
  public @Nullable String outcome;
}
