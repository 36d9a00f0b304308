package io.tributary.spark;

import io.tributary.core.metrics.AttributionReport;
import java.time.LocalDate;

/**
 * What a successful run produced.
 *
 * @param runDate the partition written
 * @param stats rows read, accepted, rejected; customers and journeys
 * @param report the report written to the tables
 * @param output the folder holding the tables
 */
public record JobResult(LocalDate runDate, RunStats stats, AttributionReport report, String output) {}
