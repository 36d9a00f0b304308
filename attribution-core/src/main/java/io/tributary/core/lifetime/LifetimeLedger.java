package io.tributary.core.lifetime;

import java.util.ArrayList;
import java.util.List;

/**
 * The buyers of a run with their acquisition journeys, and the time of the run's last event. Slices of customers are
 * {@link #merge}d in any order: the table computed from a ledger does not depend on the order of its customers.
 *
 * @param customers one entry per customer with at least one purchase
 * @param lastEventMillis epoch ms of the last event (touch or purchase) seen; {@link Long#MIN_VALUE} when none
 */
public record LifetimeLedger(List<CustomerLifetime> customers, long lastEventMillis) {
  public LifetimeLedger {
    customers = List.copyOf(customers);
  }

  /** @return both slices' customers, and the later last event */
  public LifetimeLedger merge(LifetimeLedger o) {
    List<CustomerLifetime> all = new ArrayList<>(customers.size() + o.customers.size());
    all.addAll(customers);
    all.addAll(o.customers);
    return new LifetimeLedger(all, Math.max(lastEventMillis, o.lastEventMillis));
  }
}
