package io.tributary.core.output;

import java.time.Instant;
import java.util.Objects;

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
 * @param status {@code succeeded} or {@code failed}
 * @param message why it failed, or null
 * @param version the engine's version
 */
public record RunLogEntry(String runId, String inputs, long read, long accepted, long rejected, long excluded,
    long customers, long journeys, Instant startedAt, Instant finishedAt, String status, String message,
    String version) {
  public RunLogEntry {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(version, "version");
  }
}
