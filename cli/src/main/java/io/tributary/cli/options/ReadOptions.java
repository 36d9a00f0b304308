package io.tributary.cli.options;

import io.tributary.cli.csv.Delimiter;
import io.tributary.cli.load.OnBadRow;
import io.tributary.cli.load.ReadSettings;
import io.tributary.cli.load.Slicing;
import io.tributary.core.input.ColumnMapping;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How inputs are read: column mapping, value aliases, zone and path separator (the core's, {@link ReadingFlags}),
 * delimiter, bad-row policy, and the memory budget the grouped events keep to ({@link MemoryFlags}; a command mixing
 * these in declares {@code modelTransformer = CoreOptions.Generated.class}). The delimiter, the bad-row policy and the
 * rejects file are the CLI's own (the Spark job has no such options: it detects the delimiter, and writes every
 * rejected row to its rejected_rows table up to its --max-rejected-share).
 */
public final class ReadOptions {
  /* --map, --alias, --timezone and --path-separator: the core's, as the Spark job's. */
  @Mixin ReadingFlags reading = new ReadingFlags();

  @Option(names = "--delimiter", paramLabel = "auto|,|;|tab", converter = Converters.DelimiterConverter.class,
      defaultValue = "auto", description = "Field delimiter of the main input (default: detected from the header).")
  Delimiter delimiter;

  @Option(names = "--on-bad-row", paramLabel = "fail|skip", defaultValue = "fail",
      description = "fail: stop at the first bad row (exit 2); skip: set bad rows aside with their reasons "
          + "(default: ${DEFAULT-VALUE}).")
  String onBadRow;

  @Option(names = "--slice-min-bytes", paramLabel = "BYTES", hidden = true, defaultValue = "8388608",
      description = "Least size of a plain event log read in one byte range per thread (default: 8 MB).")
  long sliceMinBytes;

  @Option(names = "--slice-min-customers", paramLabel = "N", hidden = true, defaultValue = "10000",
      description = "Least customers per slice when journeys are folded on several threads (default: 10000).")
  int sliceMinCustomers;

  @Mixin MemoryFlags memory = new MemoryFlags();

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "With --on-bad-row skip: write the rejected rows (source,line,reason,raw) to FILE as CSV.")
  String rejectsFile;

  /** @return the bad-row policy */
  public OnBadRow policy() {
    switch (onBadRow.strip().toLowerCase(Locale.ROOT)) {
      case "fail":
        return OnBadRow.FAIL;
      case "skip":
        return OnBadRow.SKIP;
      default:
        throw new IllegalArgumentException("--on-bad-row: expected fail or skip, got \"" + onBadRow + "\"");
    }
  }

  /** @return the file for rejected rows, or null */
  public String rejectsFile() {
    return rejectsFile;
  }

  /** @return the column mapping of the main input, read by the core */
  public ColumnMapping mapping() {
    return reading.mapping();
  }

  /** @return the read settings of the main input */
  public ReadSettings settings() {
    return new ReadSettings(mapping(), reading.zone(), delimiter, reading.pathSeparator(),
        new Slicing(sliceMinBytes, sliceMinCustomers), memory.spilling());
  }
}
