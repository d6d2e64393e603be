package meshos.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the records the registry logs (through System.Logger, backed by java.util.logging) while
 * installed; close() removes it. The logger is held strongly, so its handler is not lost.
 */
final class LogRecords extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger(LockingRecoveryRegistry.class.getName());
  final List<LogRecord> records = new CopyOnWriteArrayList<>();

  LogRecords() {
    setLevel(Level.ALL);
  }

  /** Starts recording the registry's log records. */
  static LogRecords install() {
    LogRecords recorder = new LogRecords();
    recorder.logger.addHandler(recorder);
    return recorder;
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }

  /** The one record kept; fails if there is not exactly one. */
  LogRecord only() {
    if (records.size() != 1) {
      throw new AssertionError("expected one record, got " + records.size() + ": " + messages());
    }
    return records.get(0);
  }

  List<String> messages() {
    return records.stream().map(LogRecord::getMessage).toList();
  }
}
