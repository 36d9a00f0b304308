package io.tributary.cli.options;

import io.tributary.cli.csv.Delimiter;
import io.tributary.cli.load.OnBadRow;
import io.tributary.cli.load.ReadSettings;
import io.tributary.cli.load.Slicing;
import io.tributary.core.input.ColumnMapping;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How inputs are read: column mapping, value aliases, zone, delimiter, path separator, bad-row policy, and the memory
 * budget the grouped events keep to ({@link MemoryFlags}; a command mixing these in declares
 * {@code modelTransformer = CoreOptions.Generated.class}).
 */
public final class ReadOptions {
  @Option(names = "--map", paramLabel = "COLUMN=SOURCE",
      description = "Read SPEC column COLUMN from the file's column SOURCE, e.g. customer_id=cookie (repeatable; "
          + "applies to the --events/--paths file).")
  List<String> renames = new ArrayList<>();

  @Option(names = "--alias", paramLabel = "COLUMN:FROM=TO",
      description = "Read value FROM of COLUMN as TO, e.g. event_type:impression=touch (repeatable).")
  List<String> aliases = new ArrayList<>();

  @Option(names = "--timezone", paramLabel = "ZONE", converter = Converters.ZoneConverter.class,
      defaultValue = "UTC", description = "Zone of timestamps without an offset (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(names = "--delimiter", paramLabel = "auto|,|;|tab", converter = Converters.DelimiterConverter.class,
      defaultValue = "auto", description = "Field delimiter of the main input (default: detected from the header).")
  Delimiter delimiter;

  @Option(names = "--path-separator", paramLabel = "SEP", defaultValue = ">",
      description = "Channel separator in a path file (default: ${DEFAULT-VALUE}; spaces around it are trimmed).")
  String pathSeparator;

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
    return ColumnMapping.parse(renames, aliases);
  }

  /** @return the read settings of the main input */
  public ReadSettings settings() {
    if (pathSeparator.isEmpty()) {
      throw new IllegalArgumentException("--path-separator must not be empty");
    }
    return new ReadSettings(mapping(), zone, delimiter, pathSeparator,
        new Slicing(sliceMinBytes, sliceMinCustomers), memory.spilling());
  }
}
