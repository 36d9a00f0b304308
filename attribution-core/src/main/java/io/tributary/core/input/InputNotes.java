package io.tributary.core.input;

import java.time.ZoneId;

/**
 * The words of the run-summary lines about input that was read but may not be what the user meant, the same in every
 * engine: opt-out ids that matched no event, local times moved out of a daylight-saving gap.
 */
public final class InputNotes {
  private InputNotes() {}

  /**
   * @param source the consent list's name
   * @param listed distinct ids it lists
   * @param unmatched how many of them matched no event
   * @return e.g. {@code consent.csv: 3 opt-out ids, 1 matched no event (ids match exactly, case included)}
   */
  public static String optOuts(String source, long listed, long unmatched) {
    return source + ": " + listed + " opt-out id" + (listed == 1 ? "" : "s") + ", " + unmatched
        + " matched no event (ids match exactly, case included)";
  }

  /**
   * @param source the event log's name
   * @param rows rows whose local time fell in a gap
   * @param zone the zone local times were read in
   * @return e.g. {@code events.csv: 2 local times fall in a daylight-saving gap of America/New_York and were read
   *     moved forward by the gap's length} (02:30 read as 03:30 on a one-hour spring change)
   */
  public static String gapShifts(String source, long rows, ZoneId zone) {
    return source + ": " + rows + " local time" + (rows == 1 ? " falls" : "s fall") + " in a daylight-saving gap of "
        + zone + " and " + (rows == 1 ? "was" : "were") + " read moved forward by the gap's length";
  }
}
