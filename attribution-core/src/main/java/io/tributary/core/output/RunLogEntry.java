package io.tributary.core.output;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of {@code run_log}: what one run read, built and ended with. {@code read = accepted + rejected}.
 *
 * @param runId the run's id
 * @param inputs the inputs as given, e.g. {@code events=data/events.csv; spend=data/spend.csv}
 * @param read data rows read from every input
 * @param accepted rows that passed validation
 * @param rejected rows set aside
 * @param excluded accepted event rows dropped because the customer opted out
 * @param customers customers with events after stitching and consent
 * @param journeys journeys built, touchless conversions included
 * @param startedAt when the run started
 * @param finishedAt when it ended
 * @param status {@link #SUCCEEDED} or {@link #FAILED}
 * @param message why it failed, or null
 * @param version the engine's version
 * @param tableVersions the run's publish record: each table's version that shows the run, as
 *     {@code name=version} pairs in name order joined by {@code ,} (e.g. {@code channel_credit=12,path_summary=12}),
 *     or null when the run published nothing (it failed, or its output has no table versions)
 */
public record RunLogEntry(String runId, String inputs, long read, long accepted, long rejected, long excluded,
    long customers, long journeys, Instant startedAt, Instant finishedAt, String status, String message,
    String version, String tableVersions) {
  /** The status of a run that wrote and published its tables. */
  public static final String SUCCEEDED = "succeeded";
  /** The status of a run that stopped before publishing. */
  public static final String FAILED = "failed";

  public RunLogEntry {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(version, "version");
  }

  /** A run that published no table versions. */
  public RunLogEntry(String runId, String inputs, long read, long accepted, long rejected, long excluded,
      long customers, long journeys, Instant startedAt, Instant finishedAt, String status, String message,
      String version) {
    this(runId, inputs, read, accepted, rejected, excluded, customers, journeys, startedAt, finishedAt, status,
        message, version, null);
  }

  /**
   * @param versions table name → version
   * @return {@code versions} as the {@code table_versions} text: {@code name=version} in name order, joined by
   *     {@code ,}
   */
  public static String tableVersions(Map<String, Long> versions) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(versions).forEach((name, v) -> sb.append(sb.length() == 0 ? "" : ",").append(name).append('=')
        .append(v));
    return sb.toString();
  }

  /**
   * @param text a {@code table_versions} value, or null
   * @return table name → version, in name order (empty for null)
   * @throws IllegalArgumentException when {@code text} is not of {@link #tableVersions(Map)}'s form
   */
  public static SortedMap<String, Long> parseTableVersions(String text) {
    SortedMap<String, Long> out = new TreeMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("table_versions: expected name=version, got \"" + pair + "\"");
      }
      try {
        out.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("table_versions: expected name=version, got \"" + pair + "\"");
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }
}
