package io.tributary.cli.load;

import io.tributary.cli.csv.Delimiter;
import io.tributary.core.input.ColumnMapping;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the main input is read.
 *
 * @param mapping column renames and value aliases of the main input (event log or path file)
 * @param zone zone of local date-times
 * @param delimiter the field delimiter, or auto-detection
 * @param pathSeparator separator of channels in a path file
 * @param slicing when reading and folding are spread over threads
 * @param spilling when the held events spill to disk, and where
 */
public record ReadSettings(ColumnMapping mapping, ZoneId zone, Delimiter delimiter, String pathSeparator,
    Slicing slicing, Spilling spilling) {
  public ReadSettings {
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(delimiter, "delimiter");
    Objects.requireNonNull(pathSeparator, "pathSeparator");
    Objects.requireNonNull(slicing, "slicing");
    Objects.requireNonNull(spilling, "spilling");
  }

  /** Settings with the default spilling (the core's {@code --memory-budget} and {@code --temp-dir} defaults). */
  public ReadSettings(ColumnMapping mapping, ZoneId zone, Delimiter delimiter, String pathSeparator,
      Slicing slicing) {
    this(mapping, zone, delimiter, pathSeparator, slicing, Spilling.defaults());
  }

  /** Settings with the default slicing thresholds. */
  public ReadSettings(ColumnMapping mapping, ZoneId zone, Delimiter delimiter, String pathSeparator) {
    this(mapping, zone, delimiter, pathSeparator, Slicing.DEFAULT);
  }

  /** @return SPEC's defaults: no mapping, UTC, detected delimiter, {@code >} */
  public static ReadSettings defaults() {
    return new ReadSettings(ColumnMapping.none(), ZoneId.of("UTC"), Delimiter.AUTO, ">");
  }

  /** @return these settings with other slicing thresholds */
  public ReadSettings withSlicing(Slicing s) {
    return new ReadSettings(mapping, zone, delimiter, pathSeparator, s, spilling);
  }

  /** @return these settings with another memory budget or temporary folder */
  public ReadSettings withSpilling(Spilling s) {
    return new ReadSettings(mapping, zone, delimiter, pathSeparator, slicing, s);
  }
}
