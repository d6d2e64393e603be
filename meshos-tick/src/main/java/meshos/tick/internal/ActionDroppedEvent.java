package meshos.tick.internal;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import org.jspecify.annotations.Nullable;

/** JFR event: the action queue refused an action. */
@Name("meshos.ActionDropped")
@Label("meshos Action Dropped")
@Category("meshos")
@Description("An action offered to the action queue was refused because it was full or closed")
public final class ActionDroppedEvent extends jdk.jfr.Event {
  @Label("Queue")
  public @Nullable String queue;

  @Label("Reason")
  public @Nullable String reason;
}
