package io.tributary.core.journey;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Customers who opted out: their events are dropped before anything is computed. An opt-out holds for the whole
 * person whichever of their ids it was recorded against: listed ids are resolved through the identity map, and an
 * event is excluded when its own id or its unified id is listed or resolved.
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

  /**
   * @param optedOut customer ids (raw or unified) that opted out
   * @return a list that does not look through aliases: use {@link #of(Collection, IdentityMap)} when ids are stitched
   */
  public static ConsentList of(Collection<String> optedOut) {
    return new ConsentList(Set.copyOf(optedOut));
  }

  /**
   * @param optedOut ids that opted out, each a unified customer id or any alias of one
   * @param identities the identity map the events are stitched with
   * @return a list that excludes every event of each listed person
   */
  public static ConsentList of(Collection<String> optedOut, IdentityMap identities) {
    Set<String> all = new HashSet<>(optedOut);
    for (String id : optedOut) {
      all.add(identities.resolve(id));
    }
    return new ConsentList(Set.copyOf(all));
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
