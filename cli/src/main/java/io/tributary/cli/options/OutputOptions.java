package io.tributary.cli.options;

import java.util.Locale;
import picocli.CommandLine.Option;

/** Where and how results are written. */
public final class OutputOptions {
  /** The output formats. */
  public enum Format {
    /** Aligned text for people. */
    TABLE,
    /** SPEC tables as CSV. */
    CSV,
    /** SPEC tables as JSON. */
    JSON,
    /** SPEC tables as Parquet, when DuckDB's JDBC driver is on the class path. */
    PARQUET
  }

  @Option(names = "--format", paramLabel = "table|csv|json|parquet", defaultValue = "table",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR|-",
      description = "Where to write: - for stdout (default), a FILE (channel_credit for csv; every table for "
          + "json), or a DIR that receives one file per table.")
  String output;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary or notes on stderr.")
  boolean quiet;

  /** @return the format */
  public Format format() {
    try {
      return Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format: expected table, csv, json or parquet, got \"" + format + "\"");
    }
  }

  /** @return the output as given, {@code -} when absent */
  public String output() {
    return output == null ? "-" : output;
  }

  /** @return whether notes and summaries are suppressed */
  public boolean quiet() {
    return quiet;
  }
}
