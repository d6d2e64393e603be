package meshos.tick.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import meshos.api.RecoveryHandler;
import meshos.api.RecoveryRegistry;
import meshos.registry.LockingRecoveryRegistry;
import meshos.tick.HandlerEviction;
import meshos.tick.HandlerOverrunException;
import org.jspecify.annotations.Nullable;

/**
 * Supervision and overrun enforcement around the tick ({@link TickHooks}): re-registers the
 * handlers whose quarantine is over at the start of a tick, takes the culprit of repeated overruns
 * off the tick after the pass, decides the outcome of each eviction, and hands the tick's restarts
 * and give-ups to its report. Owned by the ticking thread; the watchdog thread only calls {@link
 * #sampling} sampler.
 */
public final class SupervisorHooks implements TickHooks {
  private final Supervisor supervisor;
  private final @Nullable OverrunStrikes strikes;
  private final RecoveryRegistry registry;
  private final HandlerNames names;
  private final RuntimeCounters counters;
  private final Duration budget;

  private List<String> restarted = List.of();
  private @Nullable List<HandlerEviction> givenUp;

  /**
   * The hooks a runtime needs, or null when it neither restarts handlers nor enforces overruns (the
   * tick then runs with {@link TickHooks#NONE}, at no cost).
   *
   * @param config the runtime's configuration
   * @param supervisor applies its supervision policy
   * @param registry the registry the tick runs
   * @param names names handlers
   * @param counters the runtime's counters
   * @return the hooks, or null
   */
  public static @Nullable SupervisorHooks create(RuntimeConfig config, Supervisor supervisor,
      RecoveryRegistry registry, HandlerNames names, RuntimeCounters counters) {
    OverrunStrikes strikes = null;
    if (config.overrunStrikes() > 0 && registry instanceof LockingRecoveryRegistry locking) {
      locking.enableCallMarks(); // its passes then name the running call when the watchdog asks
      strikes = new OverrunStrikes(config.overrunStrikes(), locking::markRunningCall,
          config.nanoClock());
    }
    if (strikes == null && !supervisor.restarts()) {
      return null;
    }
    return new SupervisorHooks(supervisor, strikes, registry, names, counters,
        config.tickBudgetNanos());
  }

  /**
   * @param supervisor applies the supervision policy
   * @param strikes the overrun strikes, or null when enforcement is off
   * @param registry the registry the tick runs (restarts register here, overrun culprits are
   *     unregistered here)
   * @param names names handlers in reports
   * @param counters counts restarts and give-ups
   * @param budgetNanos the tick budget, for the overrun cause
   */
  public SupervisorHooks(Supervisor supervisor, @Nullable OverrunStrikes strikes,
      RecoveryRegistry registry, HandlerNames names, RuntimeCounters counters, long budgetNanos) {
    this.supervisor = requireNonNull(supervisor, "supervisor");
    this.strikes = strikes;
    this.registry = requireNonNull(registry, "registry");
    this.names = requireNonNull(names, "names");
    this.counters = requireNonNull(counters, "counters");
    this.budget = Duration.ofNanos(budgetNanos);
  }

  /**
   * The watchdog's culprit sampler: during the pass of an over-budget tick it first asks the
   * registry to name the running handler instance (for the strikes), then names the culprit as
   * {@code progress} does. Called on the watchdog thread.
   *
   * @param progress the tick's progress
   * @return the sampler
   */
  public Supplier<String> sampling(TickProgress progress) {
    OverrunStrikes s = strikes;
    if (s == null) {
      return progress::culprit;
    }
    return () -> {
      if (progress.inPass()) {
        s.sampled();
      }
      return progress.culprit();
    };
  }

  @Override
  public void tickStarting(long tick, long nowNanos) {
    givenUp = null;
    restarted = List.of();
    if (strikes != null) {
      strikes.tickStarted();
    }
    restarted = supervisor.restartDue(nowNanos, registry::register);
    if (!restarted.isEmpty()) {
      counters.restarts(restarted.size());
    }
  }

  @Override
  public List<HandlerEviction> passEnded(long tick, List<HandlerEviction> evictions,
      boolean overBudget, long nowNanos) {
    OverrunStrikes s = strikes;
    if (s == null) {
      return evictions;
    }
    OverrunStrikes.Strike strike = s.tickEnded(overBudget);
    if (strike == null || !registry.unregister(strike.handler())) {
      return evictions; // gone already: evicted, quarantined or unregistered meanwhile
    }
    RecoveryHandler handler = strike.handler();
    String name = names.nameOf(handler);
    List<HandlerEviction> all = new ArrayList<>(evictions.size() + 1);
    all.addAll(evictions);
    all.add(new HandlerEviction(handler, name, new HandlerOverrunException(name,
        Duration.ofNanos(strike.measuredNanos()), budget, strike.strikes())));
    return all;
  }

  @Override
  public Supervisor.Outcome evicted(long tick, HandlerEviction eviction, long nowNanos) {
    Supervisor.Outcome outcome =
        supervisor.onEviction(eviction.handler(), eviction.name(), eviction.cause(), nowNanos);
    if (outcome == Supervisor.Outcome.GIVEN_UP) {
      counters.givenUp();
      if (givenUp == null) {
        givenUp = new ArrayList<>(2);
      }
      givenUp.add(eviction);
    }
    return outcome;
  }

  @Override
  public Supervised tickEnding(long tick) {
    supervisor.tickEnded();
    List<HandlerEviction> gaveUp = givenUp;
    Supervised done = restarted.isEmpty() && gaveUp == null
        ? Supervised.NONE
        : new Supervised(restarted, gaveUp == null ? List.of() : gaveUp);
    restarted = List.of();
    givenUp = null;
    return done;
  }
}
