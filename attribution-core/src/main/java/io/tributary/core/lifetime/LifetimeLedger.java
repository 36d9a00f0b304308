package io.tributary.core.lifetime;

import java.util.Objects;

/**
 * The buyers of a run with their acquisition journeys, and the time of the run's last event, as an engine's fold
 * recorded them ({@link AcquisitionRecorder#build()}): held as a {@link LifetimeTally}, so that the lifetime-value
 * step reads the fold's own record and makes no second pass over the buyers. Slices of customers are {@link #merge}d
 * in any order: the table computed from a ledger does not depend on the order of its customers.
 */
public final class LifetimeLedger {
  private final LifetimeTally tally;
  private boolean merged;

  LifetimeLedger(LifetimeTally tally) {
    this.tally = Objects.requireNonNull(tally, "tally");
  }

  /** @return epoch ms of the last event (touch or purchase) seen; {@link Long#MIN_VALUE} when none */
  public long lastEventMillis() {
    return live().lastEventMillis();
  }

  /** @return the number of buyers */
  public int size() {
    return live().size();
  }

  /**
   * Both slices' buyers and the later last event. The slices are taken over, not copied (an engine merges each slice
   * once): this ledger and {@code o} must not be used afterwards.
   *
   * @param o another slice's ledger
   * @return the merged ledger
   * @throws IllegalStateException when either ledger was merged already
   */
  public LifetimeLedger merge(LifetimeLedger o) {
    LifetimeTally t = live();
    t.addAll(o.live());
    merged = true;
    o.merged = true;
    return new LifetimeLedger(t);
  }

  /* The tally, read-only from here on (LifetimeTally.of hands it out). */
  LifetimeTally tally() {
    return live();
  }

  private LifetimeTally live() {
    if (merged) {
      throw new IllegalStateException("this ledger was merged into another one; use the merged ledger");
    }
    return tally;
  }
}
