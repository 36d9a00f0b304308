package io.tributary.core.input;

import java.util.Locale;

/**
 * The journeys (conversions + nulls) of a path input, added up row by row in file order and held under
 * {@link #MAX_JOURNEYS}. Every count a model or a KPI derives from path rows (journeys per path, per state, per
 * transition, touches of converting journeys) is at most the input's journeys times a path's length; with the total
 * held under {@code 2^63 / (MAX_PATH_LENGTH + 1)} none of them can pass 64 bits, so no sum further down needs a check
 * that a user could trip. An input whose counts add up to more is bad input: both engines stop and name the file, the
 * column and (where they can) the line. Not thread-safe: one per input, fed in file order.
 */
public final class PathTotals {
  /**
   * Most journeys one path input may add up to: 922,244,979,187,558, about 10^5 per person alive. A real export is
   * many orders of magnitude smaller; counts this large are a broken export.
   */
  public static final long MAX_JOURNEYS = Long.MAX_VALUE / (PathRowParser.MAX_PATH_LENGTH + 1);

  private long conversions;
  private long nulls;
  private String exceeded;

  /** Totals from nothing: the start of an input. */
  public PathTotals() {}

  /**
   * Totals that go on from journeys counted before (the earlier parts of an input read in parts), so that
   * {@link #add} refuses the very row at which the whole input passes the limit.
   *
   * @param journeysBefore conversions + nulls of the input before this part, at most {@link #MAX_JOURNEYS}
   * @return totals whose {@link #conversions()} include those journeys
   */
  public static PathTotals after(long journeysBefore) {
    if (journeysBefore < 0 || journeysBefore > MAX_JOURNEYS) {
      throw new IllegalArgumentException("journeys before must be within 0.." + MAX_JOURNEYS);
    }
    PathTotals t = new PathTotals();
    t.conversions = journeysBefore;
    return t;
  }

  /**
   * Adds one row's counts, unless they would take the total past {@link #MAX_JOURNEYS}; then the total keeps its
   * value and {@link #exceededColumn()} says which count passed (conversions are added before nulls).
   *
   * @return whether the row was added; once a row is refused, every later one is refused too
   */
  public boolean add(long rowConversions, long rowNulls) {
    if (exceeded != null) {
      return false;
    }
    long journeys = conversions + nulls;
    if (rowConversions > MAX_JOURNEYS - journeys) {
      exceeded = "total_conversions";
      return false;
    }
    if (rowNulls > MAX_JOURNEYS - journeys - rowConversions) {
      exceeded = "total_null";
      return false;
    }
    conversions += rowConversions;
    nulls += rowNulls;
    return true;
  }

  /** @return converting journeys added so far */
  public long conversions() {
    return conversions;
  }

  /** @return non-converting journeys added so far */
  public long nulls() {
    return nulls;
  }

  /** @return the canonical column ({@code total_conversions} or {@code total_null}) that passed the limit, or null */
  public String exceededColumn() {
    return exceeded;
  }

  /**
   * The canonical column whose count takes journeys already counted past the limit, when {@code conversions} and
   * {@code nulls} are added after {@code before} (conversions first, as {@link #add} does).
   *
   * @return {@code total_conversions}, {@code total_null}, or null when the sum stays within {@link #MAX_JOURNEYS}
   */
  public static String passes(long before, long conversions, long nulls) {
    if (conversions > MAX_JOURNEYS - before) {
      return "total_conversions";
    }
    return nulls > MAX_JOURNEYS - before - conversions ? "total_null" : null;
  }

  /** @return the reason of the error, without file, line and column */
  public static String reason() {
    return String.format(Locale.ROOT,
        "counts add up to more than %,d journeys (conversions + nulls of the whole input), the most a run counts",
        MAX_JOURNEYS);
  }
}
