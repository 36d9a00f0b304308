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

  /** Every option, in the order help lists them. */
  public static final List<OptionDef<?>> ALL = List.of(MEMORY_BUDGET, TEMP_DIR);

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
    throw new IllegalArgumentException("expected auto or a size of at least 1 byte such as 512m or 2g, got \""
        + text + "\"");
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
