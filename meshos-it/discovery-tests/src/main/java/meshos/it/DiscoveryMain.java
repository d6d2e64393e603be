package meshos.it;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ServiceLoader;
import meshos.api.spi.RecoveryHandlerProvider;
import meshos.tick.MeshOsRuntime;
import meshos.tick.ProviderInfo;
import meshos.tick.TickReport;

/**
 * Prints one line per provider ({@code provider <class> <module> <outcome> [<cause>]}), one more
 * per failed one ({@code message <class> <cause's message>}) and one for a manual tick ({@code tick
 * <n> slots [..]}). Exclusions come from {@code -Dmeshos.providers.exclude} and, through the
 * builder's {@code excludeProviders}, from {@code -Dit.builderExclude} (passed untrimmed). With
 * {@code -Dit.yieldOrder=true}, one more line ({@code yield [<module>, ..]}): the modules of the
 * providers' instances in the order {@code ServiceLoader} yields them.
 */
public final class DiscoveryMain {
  private DiscoveryMain() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    MeshOsRuntime.Builder builder = MeshOsRuntime.builder().name("it").manualTicks();
    String builderExclude = System.getProperty("it.builderExclude");
    if (builderExclude != null) {
      builder.excludeProviders(builderExclude);
    }
    try (MeshOsRuntime runtime = builder.build().start()) {
      for (ProviderInfo info : runtime.providers()) {
        out.println("provider " + info.className() + " " + info.moduleName() + " "
            + info.outcome() + info.cause().map(DiscoveryMain::describe).orElse(""));
      }
      for (ProviderInfo info : runtime.providers()) {
        info.cause().ifPresent(c -> out.println("message " + info.className() + " "
            + c.getMessage()));
      }
      TickReport report = runtime.tick();
      out.println("tick " + report.tick() + " slots " + Arrays.toString(report.recoveredSlots()));
    }
    if (Boolean.getBoolean("it.yieldOrder")) {
      // Calls every factory again: only for runs without an excluded provider.
      out.println("yield " + ServiceLoader.load(RecoveryHandlerProvider.class).stream()
          .map(p -> p.get().getClass().getModule().getName()).toList());
    }
  }

  private static String describe(Throwable cause) {
    StringBuilder s = new StringBuilder(" ").append(cause.getClass().getName());
    for (Throwable t = cause.getCause(); t != null; t = t.getCause()) {
      s.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
    }
    return s.toString();
  }
}
