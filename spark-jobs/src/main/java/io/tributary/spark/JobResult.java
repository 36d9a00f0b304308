package io.tributary.spark;

import io.tributary.core.metrics.AttributionReport;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param notes what the user should know about how the inputs were read (a file read in one piece), one line each
 */
public record JobResult(LocalDate runDate, RunStats stats, AttributionReport report, String output,
    Map<String, Long> phaseMillis, java.util.List<String> notes) {
  public JobResult {
    phaseMillis = Collections.unmodifiableMap(new LinkedHashMap<>(phaseMillis));
    notes = java.util.List.copyOf(notes);
  }
}
