package meshos.tick;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A System.Logger that keeps every record with the thread that logged it; logs nothing. */
final class RecordingLogger implements System.Logger {
  /** One record: level, message, thrown (or null), and the logging thread's name. */
  record Entry(Level level, String message, Throwable thrown, String thread) {}

  final List<Entry> entries = new CopyOnWriteArrayList<>();

  @Override
  public String getName() {
    return "recording";
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, Supplier<String> msgSupplier) {
    add(level, msgSupplier.get(), null);
  }

  @Override
  public void log(Level level, Supplier<String> msgSupplier, Throwable thrown) {
    add(level, msgSupplier.get(), thrown);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    add(level, msg, thrown);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    add(level, params == null ? format : MessageFormat.format(format, params), null);
  }

  private void add(Level level, String message, Throwable thrown) {
    entries.add(new Entry(level, message, thrown, Thread.currentThread().getName()));
    synchronized (entries) {
      entries.notifyAll();
    }
  }

  /** Waits (no timeout: the test's own bounds it) until a record contains {@code text}. */
  void await(String text) throws InterruptedException {
    synchronized (entries) {
      while (!contains(text)) {
        entries.wait();
      }
    }
  }

  boolean contains(String text) {
    return entries.stream().anyMatch(e -> e.message().contains(text));
  }
}
