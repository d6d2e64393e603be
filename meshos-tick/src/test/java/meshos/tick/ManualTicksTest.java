package meshos.tick;

import static meshos.tick.Handlers.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPEC "Manual ticks": no tick thread; tick() runs one tick on its caller and returns its report. */
@Timeout(60)
class ManualTicksTest {
  private final List<TickReport> reports = new CopyOnWriteArrayList<>();
  private final MeshOsRuntime runtime = MeshOsRuntime.builder().name("manual").manualTicks()
      .discoverProviders(false).addTickListener(reports::add).build().start();

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void tickRunsOnTheCallerAndReturnsTheReportTheListenersGot() {
    List<String> threads = new ArrayList<>();
    runtime.recoveryRegistry().register(() -> {
      threads.add(Thread.currentThread().getName());
      return NONE;
    });

    TickReport first = runtime.tick();
    TickReport second = runtime.tick();

    assertEquals(List.of(first, second), reports);
    assertEquals(List.of(1L, 2L), List.of(first.tick(), second.tick()));
    assertEquals(Duration.ZERO, first.lateness());
    assertEquals(List.of(Thread.currentThread().getName(), Thread.currentThread().getName()),
        threads);
    assertEquals(List.of(), RuntimeThreads.namesOf("manual").stream()
        .filter(n -> n.startsWith("meshos-tick-")).toList(), "no tick thread");
  }

  @Test
  void concurrentManualTicksRunOneAfterTheOther() throws Exception {
    AtomicInteger inPass = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    runtime.recoveryRegistry().register(() -> {
      if (inPass.incrementAndGet() != 1) {
        overlaps.incrementAndGet();
      }
      Thread.onSpinWait();
      inPass.decrementAndGet();
      return NONE;
    });
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TickReport>> ticks = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        ticks.add(pool.submit(runtime::tick));
      }
      for (Future<TickReport> t : ticks) {
        t.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(0, overlaps.get());
    assertEquals(200, runtime.stats().ticks());
    assertEquals(200, runtime.stats().handlerRuns());
  }

  @Test
  void tickFromInsideATickIsAnIllegalState() {
    List<Throwable> seen = new ArrayList<>();
    runtime.recoveryRegistry().register(() -> {
      seen.add(assertThrows(IllegalStateException.class, runtime::tick));
      return NONE;
    });
    runtime.tick();
    assertTrue(seen.get(0).getMessage().contains("inside a tick"), seen.toString());
  }

  @Test
  void actionsOfferedByAHandlerRunOnTheActionThread() throws Exception {
    CompletableFuture<String> ranOn = new CompletableFuture<>();
    runtime.recoveryRegistry().register(() -> {
      runtime.actions().offer(() -> ranOn.complete(Thread.currentThread().getName()));
      return NONE;
    });
    runtime.tick();
    assertEquals("meshos-actions-manual", ranOn.get(10, TimeUnit.SECONDS));
  }
}
