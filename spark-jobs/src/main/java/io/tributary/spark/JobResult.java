package io.tributary.spark;

import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.window.WindowedReport;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a successful run produced.
 *
 * @param runDate the partition written
 * @param stats rows read, accepted, rejected; customers and journeys
 * @param report the report written to the tables
 * @param output the folder holding the tables
 * @param phaseMillis wall-clock milliseconds of each phase, in run order (side inputs, read and fold, merge,
 *     models and report, write)
 * @param notes summary lines about input read as given but perhaps not as meant (opt-out ids that matched no event,
 *     local times in a daylight-saving gap, a file read in one piece), worded by the core's {@link io.tributary.core.input.InputNotes}
 * @param lifetime the lifetime value by channel written ({@code --clv}), or null
 * @param dates the report of every partition written, in date order: one (the run date's, which is {@code report})
 *     for a whole-input run or a one-date window, one per report date for a range ({@code report} is the last)
 */
public record JobResult(LocalDate runDate, RunStats stats, AttributionReport report, String output,
    Map<String, Long> phaseMillis, List<String> notes, ChannelLifetimeValue lifetime,
    List<WindowedReport.Dated> dates) {
  public JobResult {
    dates = List.copyOf(dates);
    phaseMillis = Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
    notes = List.copyOf(notes);
  }
}
