package io.tributary.core.journey;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Customers who opted out: their events are dropped before anything is computed. An opt-out holds for the whole
 * person whichever of their ids it was recorded against: listed ids are resolved through the identity map, and an
 * event is excluded when its own id or its unified id is listed or resolved.
 *
 * <p>Ids match exactly, case included (after the trimming every id cell gets): ids are opaque keys, and two ids that
 * differ in case may be two people, so folding case could drop the events of someone who never opted out. The cost of
 * a mismatch ({@code PII-1} listed, {@code pii-1} in the log) is made visible instead: engines mark which listed ids
 * matched an event ({@link #markMatches}) and report how many matched none ({@link #unmatched}).
 */
public final class ConsentList {
  private static final ConsentList NONE = new ConsentList(Set.of(), List.of(), Map.of());

  private final Set<String> optedOut;
  /* The listed ids, sorted: a listed id's number is its position, the same on every engine and executor. */
  private final Map<String, Integer> listed;
  /* Unified id -> the numbers of the listed ids that resolve to it. */
  private final Map<String, int[]> byUnified;

  private ConsentList(Set<String> optedOut, List<String> sortedListed, Map<String, int[]> byUnified) {
    this.optedOut = optedOut;
    Map<String, Integer> numbers = new HashMap<>();
    for (int i = 0; i < sortedListed.size(); i++) {
      numbers.put(sortedListed.get(i), i);
    }
    this.listed = Map.copyOf(numbers);
    this.byUnified = Map.copyOf(byUnified);
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
    return of(optedOut, IdentityMap.empty());
  }

  /**
   * @param optedOut ids that opted out, each a unified customer id or any alias of one
   * @param identities the identity map the events are stitched with
   * @return a list that excludes every event of each listed person
   */
  public static ConsentList of(Collection<String> optedOut, IdentityMap identities) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(optedOut));
    Set<String> all = new HashSet<>(sorted);
    Map<String, List<Integer>> byUnified = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      String unified = identities.resolve(sorted.get(i));
      all.add(unified);
      byUnified.computeIfAbsent(unified, k -> new ArrayList<>()).add(i);
    }
    Map<String, int[]> numbers = new HashMap<>();
    byUnified.forEach((id, list) -> numbers.put(id, list.stream().mapToInt(Integer::intValue).toArray()));
    return new ConsentList(Set.copyOf(all), sorted, numbers);
  }

  /**
   * @param rawId the id on the event
   * @param unifiedId the id after identity stitching
   * @return whether the event must be dropped
   */
  public boolean excludes(String rawId, String unifiedId) {
    return !optedOut.isEmpty() && (optedOut.contains(rawId) || optedOut.contains(unifiedId));
  }

  /**
   * Marks in {@code matched} (bit i = the i-th listed id, in sorted order) the listed ids an excluded event matches:
   * the one equal to its raw id and every one that resolves to its unified id. Engines call it for each event (or
   * distinct raw id) they exclude and merge their sets with {@link BitSet#or}; every engine gives the same bits.
   */
  public void markMatches(String rawId, String unifiedId, BitSet matched) {
    Integer own = listed.get(rawId);
    if (own != null) {
      matched.set(own);
    }
    int[] person = byUnified.get(unifiedId);
    if (person != null) {
      for (int i : person) {
        matched.set(i);
      }
    }
  }

  /** @return how many listed ids match no event, given the marks of every excluded event */
  public int unmatched(BitSet matched) {
    return listed.size() - matched.cardinality();
  }

  /** @return how many distinct ids the list holds, as listed */
  public int listed() {
    return listed.size();
  }

  /** @return how many ids are listed or resolved from a listed one */
  public int size() {
    return optedOut.size();
  }
}
