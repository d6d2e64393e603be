package meshos.it.notsub;

/** Listed as a RecoveryHandlerProvider, which it is not. */
public final class NotAProvider {
  public NotAProvider() {}
}
