package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.util.IdentityHashMap;
import java.util.Map;
import meshos.api.RecoveryHandler;
import org.jspecify.annotations.Nullable;

/**
 * How the runtime names a handler in reports and logs: by its provider's class name if a provider
 * created it (start-up discovery, or later a plugin), else by {@code toString()}. Identity-keyed.
 * Any thread; used off the hot path only (registration, evictions, overrun sampling).
 */
public final class HandlerNames {
  private final IdentityHashMap<RecoveryHandler, String> providerOf = new IdentityHashMap<>();

  /**
   * Names {@code handler} after the provider that created it.
   *
   * @param handler the handler
   * @param provider its provider's class name
   */
  public synchronized void put(RecoveryHandler handler, String provider) {
    providerOf.put(requireNonNull(handler, "handler"), requireNonNull(provider, "provider"));
  }

  /**
   * Forgets {@code handler}'s provider name (for example when its plugin is unloaded).
   *
   * @param handler the handler
   */
  public synchronized void remove(RecoveryHandler handler) {
    providerOf.remove(handler);
  }

  /**
   * The name of {@code handler}: its provider's class name, else {@code toString()}.
   *
   * @param handler the handler
   * @return its name
   */
  public String nameOf(RecoveryHandler handler) {
    String provider;
    synchronized (this) {
      provider = providerOf.get(handler);
    }
    return provider != null ? provider : String.valueOf(handler);
  }

  /**
   * The name of the handler whose code runs in {@code frame}: the provider of a handler of that
   * class, else the frame's class and method.
   *
   * @param frame a stack frame of a handler's code
   * @return its name
   */
  public String nameOfCode(StackTraceElement frame) {
    String code = frame.getClassName();
    @Nullable String provider = null;
    synchronized (this) {
      for (Map.Entry<RecoveryHandler, String> e : providerOf.entrySet()) {
        if (e.getKey().getClass().getName().equals(code)) {
          provider = e.getValue();
          break;
        }
      }
    }
    return provider != null ? provider : code + "." + frame.getMethodName();
  }
}
