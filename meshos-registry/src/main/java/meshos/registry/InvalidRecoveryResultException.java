package meshos.registry;

/**
 * The eviction cause of a handler that completed normally with a result the registry cannot accept:
 * {@code null}, or an array holding a negative slot index. The message says which.
 */
public final class InvalidRecoveryResultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidRecoveryResultException(String message) {
    super(message);
  }

  static InvalidRecoveryResultException nullResult() {
    return new InvalidRecoveryResultException("handler returned null instead of an int[]");
  }

  static InvalidRecoveryResultException negativeIndex(int index, int position) {
    return new InvalidRecoveryResultException(
        "handler returned negative slot index " + index + " at position " + position);
  }
}
