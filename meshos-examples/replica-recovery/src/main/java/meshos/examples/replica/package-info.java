/**
 * The replica-recovery example provider: {@link meshos.examples.replica.ReplicaGroup}, its {@link
 * meshos.examples.replica.ReplicaRecoveryHandler} and the {@link
 * meshos.examples.replica.ReplicaRecoveryProvider} that {@link java.util.ServiceLoader} finds.
 */
@NullMarked
package meshos.examples.replica;

import org.jspecify.annotations.NullMarked;
