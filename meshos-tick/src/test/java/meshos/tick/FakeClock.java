package meshos.tick;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A runtime clock that moves only when a test moves it. */
final class FakeClock implements LongSupplier {
  static final long MS = 1_000_000L;
  private final AtomicLong nanos = new AtomicLong(1_000 * MS);

  @Override
  public long getAsLong() {
    return nanos.get();
  }

  void advanceMillis(long millis) {
    nanos.addAndGet(millis * MS);
  }
}
