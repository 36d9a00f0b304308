package io.tributary.cli.options;

import picocli.CommandLine.Option;

/** The main input: an event log or a path file, exactly one. */
public final class MainInput {
  @Option(names = "--events", paramLabel = "FILE", required = true,
      description = "Touch-level event log (CSV, optionally gzipped; - for stdin).")
  String events;

  @Option(names = "--paths", paramLabel = "FILE", required = true,
      description = "Path-level file: path,total_conversions[,total_conversion_value][,total_null].")
  String paths;

  /** @return the event log, or null when a path file is given */
  public String events() {
    return events;
  }

  /** @return the path file, or null when an event log is given */
  public String paths() {
    return paths;
  }
}
