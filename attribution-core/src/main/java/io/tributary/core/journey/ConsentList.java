package io.tributary.core.journey;

import java.util.Collection;
import java.util.Set;

/**
 * Customers who opted out: their events are dropped before anything is computed. A customer is excluded when either
 * the id on the event or the unified id it stitches to is listed, so an opt-out recorded against any of a person's
 * ids holds.
 */
public final class ConsentList {
  private static final ConsentList NONE = new ConsentList(Set.of());

  private final Set<String> optedOut;

  private ConsentList(Set<String> optedOut) {
    this.optedOut = optedOut;
  }

  /** @return the list that excludes no one */
  public static ConsentList none() {
    return NONE;
  }

  /** @param optedOut customer ids (raw or unified) that opted out */
  public static ConsentList of(Collection<String> optedOut) {
    return new ConsentList(Set.copyOf(optedOut));
  }

  /**
   * @param rawId the id on the event
   * @param unifiedId the id after identity stitching
   * @return whether the event must be dropped
   */
  public boolean excludes(String rawId, String unifiedId) {
    return !optedOut.isEmpty() && (optedOut.contains(rawId) || optedOut.contains(unifiedId));
  }

  /** @return how many ids are listed */
  public int size() {
    return optedOut.size();
  }
}
