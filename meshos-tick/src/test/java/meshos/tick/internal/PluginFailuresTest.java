package meshos.tick.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import meshos.tick.ProviderInfo;
import meshos.tick.ProviderOutcome;
import org.junit.jupiter.api.Test;

class PluginFailuresTest {
  /** Stands for an exception class of a plugin. */
  static final class PluginOwnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PluginOwnException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Test
  void causesAreCopiedAsJdkTypesWithTheSameTextAndStack() {
    PluginOwnException original =
        new PluginOwnException("create failed", new IllegalStateException("inner"));
    original.addSuppressed(new IllegalArgumentException("also"));
    List<ProviderInfo> infos = List.of(
        new ProviderInfo("a.P", "a", ProviderOutcome.FAILED, Optional.of(original)),
        new ProviderInfo("a.Q", "a", ProviderOutcome.LOADED, Optional.empty()));

    List<ProviderInfo> copies = PluginFailures.detach(infos);

    Throwable copy = copies.get(0).cause().orElseThrow();
    assertInstanceOf(PluginFailures.DetachedFailure.class, copy);
    assertEquals(original.toString(), copy.toString());
    assertArrayEquals(original.getStackTrace(), copy.getStackTrace());
    assertEquals(original.getCause().toString(), copy.getCause().toString());
    assertEquals("java.lang.IllegalArgumentException: also", copy.getSuppressed()[0].toString());
    assertEquals(infos.get(1), copies.get(1));
    assertEquals("a.P", copies.get(0).className());
  }
}
