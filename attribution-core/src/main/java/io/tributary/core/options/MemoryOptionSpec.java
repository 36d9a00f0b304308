package io.tributary.core.options;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How much memory an engine that groups events itself may hold before it spills them to disk, defined once: the
 * memory budget of the grouped events and the folder the spilled runs go to. Kept apart from {@link ModelOptionSpec}:
 * these change where the work happens, never a result. The Spark job does not offer them (Spark spills on its own).
 */
public final class MemoryOptionSpec {
  /*
   * The default budget is a share of the heap, not all of it: the journeys' path tables, the readers' buffers and the
   * models need the rest (the 10M-row benchmark holds ~250 MB of events beside ~400 MB of the rest, under -Xmx1g).
   */
  /** Share of the JVM's maximum heap that {@code auto} gives the grouped events. */
  public static final double AUTO_SHARE = 0.4;

  /** Bytes the grouped events may take in memory before they spill to sorted runs on disk. */
  public static final OptionDef<Long> MEMORY_BUDGET = new OptionDef<>("memory-budget", "SIZE", "auto",
      "Memory the events may take while they are grouped by customer, e.g. 512m or 2g (auto: "
          + Math.round(AUTO_SHARE * 100) + "% of the JVM's maximum heap); beyond it they are sorted by customer, "
          + "written to --temp-dir and merged back, with the same output", MemoryOptionSpec::budget,
      MemoryOptionSpec::showSize);

  /** Where spilled runs are written. */
  public static final OptionDef<Path> TEMP_DIR = new OptionDef<>("temp-dir", "DIR", "auto",
      "Folder for the sorted runs of events beyond --memory-budget (auto: the JVM's temporary folder, "
          + "java.io.tmpdir); the runs are deleted when the run ends, whether it succeeds or fails",
      MemoryOptionSpec::folder);

  /*
   * A ceiling of the run's own, like DuckDB's max_temp_directory_size: a shared scratch disk is not filled by one
   * run, and the run stops with one line before the disk does (a full disk gives the same line, with the system's
   * "No space left on device").
   */
  /** The value of {@link #TEMP_DIR_LIMIT} that sets no limit. */
  public static final long NO_LIMIT = Long.MAX_VALUE;

  /** Bytes the spilled runs may take on disk. */
  public static final OptionDef<Long> TEMP_DIR_LIMIT = new OptionDef<>("temp-dir-limit", "SIZE", "none",
      "Disk the sorted runs may take in --temp-dir, e.g. 20g (none: whatever the folder's disk has); a run that "
          + "would spill more stops with one line and deletes its runs", MemoryOptionSpec::limit,
      MemoryOptionSpec::showLimit);

  /** Every option, in the order help lists them. */
  public static final List<OptionDef<?>> ALL = List.of(MEMORY_BUDGET, TEMP_DIR, TEMP_DIR_LIMIT);

  private MemoryOptionSpec() {}

  /** @return the option named {@code name} (long name without dashes), or null */
  public static OptionDef<?> named(String name) {
    for (OptionDef<?> o : ALL) {
      if (o.name().equals(name)) {
        return o;
      }
    }
    return null;
  }

  /* "auto", a number of bytes, or a number with k, m or g (powers of 1024). */
  private static long budget(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("auto")) {
      return Math.max(1, (long) (AUTO_SHARE * Runtime.getRuntime().maxMemory()));
    }
    return size(s, text, "auto");
  }

  /* "none" or a size as for the budget. */
  private static long limit(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    return s.equals("none") ? NO_LIMIT : size(s, text, "none");
  }

  private static String showLimit(long bytes) {
    return bytes == NO_LIMIT ? "none" : showSize(bytes);
  }

  /* s: the value stripped and in lower case; text: as given, for the message; word: the other value allowed. */
  private static long size(String s, String text, String word) {
    int shift = 0;
    if (!s.isEmpty()) {
      switch (s.charAt(s.length() - 1)) {
        case 'k' -> shift = 10;
        case 'm' -> shift = 20;
        case 'g' -> shift = 30;
        default -> shift = 0;
      }
    }
    String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
    try {
      long v = Long.parseLong(digits);
      if (v >= 1 && v <= (Long.MAX_VALUE >> shift)) {
        return v << shift;
      }
    } catch (NumberFormatException e) {
      // worded below, with the value
    }
    throw new IllegalArgumentException("expected " + word + " or a size of at least 1 byte such as 512m or 2g, got "
        + "\"" + text + "\"");
  }

  private static Path folder(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("expected auto or a folder, got an empty value");
    }
    return Path.of(s.equals("auto") ? System.getProperty("java.io.tmpdir") : s);
  }

  /** @return a size as a user would write it: 512m, 2g, or bytes */
  static String showSize(long bytes) {
    if (bytes % (1L << 30) == 0) {
      return (bytes >> 30) + "g";
    }
    if (bytes % (1L << 20) == 0) {
      return (bytes >> 20) + "m";
    }
    if (bytes % (1L << 10) == 0) {
      return (bytes >> 10) + "k";
    }
    return Long.toString(bytes);
  }
}
