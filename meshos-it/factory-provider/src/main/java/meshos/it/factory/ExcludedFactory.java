package meshos.it.factory;

import meshos.api.RecoveryHandler;
import meshos.api.spi.RecoveryContext;
import meshos.api.spi.RecoveryHandlerProvider;

/** Excluded by the tests: says so on stdout if its factory or constructor is ever called. */
public final class ExcludedFactory implements RecoveryHandlerProvider {
  public ExcludedFactory() {
    System.out.println("called ExcludedFactory()");
  }

  /** Must never be called: the factory is excluded by its class name. */
  public static RecoveryHandlerProvider provider() {
    System.out.println("called ExcludedFactory.provider()");
    return context -> () -> new int[] {13};
  }

  @Override
  public RecoveryHandler create(RecoveryContext context) {
    return () -> new int[] {23};
  }
}
