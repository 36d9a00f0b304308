package io.tributary.spark;

import java.util.Locale;
import java.util.Objects;

/**
 * Where an input comes from and in which format. Written on the command line as a path ({@code data/events.csv},
 * {@code s3a://bucket/events/}), a table name ({@code marketing.events}), or either with an explicit format prefix:
 * {@code csv:}, {@code parquet:}, {@code delta:}, {@code table:}.
 *
 * @param location the path or table name, without prefix
 * @param format the format, or {@link Format#AUTO} to detect it when the job reads the input
 */
public record InputSpec(String location, Format format) {
  /** How an input is stored. */
  public enum Format {
    /** Detect: a folder with {@code _delta_log} is Delta, {@code .parquet} files are Parquet, a bare name a table. */
    AUTO,
    /** CSV with a header line (optionally gzipped). */
    CSV,
    /** Parquet file or folder. */
    PARQUET,
    /** Delta table folder. */
    DELTA,
    /** A table of the session's catalog. */
    TABLE
  }

  public InputSpec {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(format, "format");
    if (location.isBlank()) {
      throw new IllegalArgumentException("empty input location");
    }
  }

  /**
   * @param text {@code [format:]location}; a Windows drive letter or URI scheme is not taken for a format
   * @return the spec
   */
  public static InputSpec parse(String text) {
    String s = Objects.requireNonNull(text, "text").strip();
    int colon = s.indexOf(':');
    if (colon > 0) {
      String prefix = s.substring(0, colon).toLowerCase(Locale.ROOT);
      for (Format f : Format.values()) {
        if (f != Format.AUTO && f.name().toLowerCase(Locale.ROOT).equals(prefix)) {
          return new InputSpec(s.substring(colon + 1), f);
        }
      }
    }
    return new InputSpec(s, Format.AUTO);
  }

  @Override
  public String toString() {
    return format == Format.AUTO ? location : format.name().toLowerCase(Locale.ROOT) + ":" + location;
  }
}
