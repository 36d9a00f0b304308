package io.tributary.core.segment;

import io.tributary.core.output.OutputTables;
import io.tributary.core.output.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The segments of one run ({@code --segment-by}): each name is either a derived segment ({@link #NEW_VS_RETURNING},
 * {@link #ACQUISITION_CHANNEL}) or a column of the event log, whose value at the customer's first event is the
 * customer's segment. Every output table gains one text column per name, in the order given; rows whose segment
 * columns all hold {@link #ALL} are the unsegmented answer.
 *
 * @param names the segment names in the order given, lower-case; empty when the run is not segmented
 * @param minJourneys the fewest journeys a segment needs to have data-driven models fitted on its own journeys
 * @param perSegmentPaths whether {@code path_summary} and the chain tables are written per segment too
 */
public record Segmentation(List<String> names, int minJourneys, boolean perSegmentPaths) {
  /** The value of a segment column on rows that hold every value of it. */
  public static final String ALL = "(all)";
  /** The value of an event-log segment cell that is empty. */
  public static final String NONE = "(none)";
  /** Derived: whether a journey ends at or before the customer's first conversion, or after it. */
  public static final String NEW_VS_RETURNING = "new_vs_returning";
  /** Derived: the first touch's channel of the customer's first journey. */
  public static final String ACQUISITION_CHANNEL = "acquisition_channel";
  /** {@link #NEW_VS_RETURNING}'s values. */
  public static final String NEW = "new";
  /** {@link #NEW_VS_RETURNING}'s values. */
  public static final String RETURNING = "returning";
  /** Most segment names one run takes: each one adds a fold of every journey. */
  public static final int MAX_NAMES = 8;
  /** Column names of the output tables a segment column may not take. */
  private static final Set<String> RESERVED = reserved();

  private static Set<String> reserved() {
    Set<String> s = new java.util.HashSet<>(Set.of(TableSchema.RUN_DATE, OutputTables.FIT_SCOPE));
    for (TableSchema<?> t : OutputTables.ALL) {
      s.addAll(t.columnNames());
    }
    return Set.copyOf(s);
  }

  public Segmentation {
    names = List.copyOf(names);
    if (minJourneys < 1) {
      throw new IllegalArgumentException("minJourneys must be >= 1");
    }
  }

  /** @return no segments */
  public static Segmentation none() {
    return new Segmentation(List.of(), 1000, false);
  }

  /**
   * Reads a {@code --segment-by} value: {@code none}, or comma-separated names.
   *
   * @throws IllegalArgumentException naming the value and what is allowed
   */
  public static List<String> parseNames(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.equals("none")) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String part : s.split(",", -1)) {
      String n = part.strip();
      if (!n.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("expected none or column names such as loyalty,new_vs_returning "
            + "(letters, digits, _; starting with a letter), got \"" + text.strip() + "\"");
      }
      if (RESERVED.contains(n)) {
        throw new IllegalArgumentException("\"" + n + "\" is an output column already; a segment cannot take its "
            + "name (rename the event-log column with --map)");
      }
      if (!out.add(n)) {
        throw new IllegalArgumentException("\"" + n + "\" given twice");
      }
    }
    if (out.size() > MAX_NAMES) {
      throw new IllegalArgumentException("at most " + MAX_NAMES + " segments, got " + out.size());
    }
    return List.copyOf(out);
  }

  /**
   * Both engines' check that a segmented run reads an event log.
   *
   * @param eventLog whether the run's main input is an event log (not a path file)
   * @throws IllegalArgumentException bad input, one line, when segmented on a path file
   */
  public void requireEventLog(boolean eventLog) {
    if (enabled() && !eventLog) {
      throw new IllegalArgumentException("--segment-by needs an event log (--events): a path file has no customers");
    }
  }

  /** @return whether the run is segmented */
  public boolean enabled() {
    return !names.isEmpty();
  }

  /** @return whether {@code name} is a derived segment, not an event-log column */
  public static boolean derived(String name) {
    return name.equals(NEW_VS_RETURNING) || name.equals(ACQUISITION_CHANNEL);
  }

  /** @return the names that are event-log columns, in the order given */
  public List<String> eventColumns() {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (!derived(n)) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "Segmentation" + Objects.toString(names) + " min " + minJourneys + (perSegmentPaths ? " with paths" : "");
  }
}
