package io.tributary.core.input;

import io.tributary.core.Errors;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How an export's columns and values map onto SPEC's names: {@code --map customer_id=cookie} says the
 * {@code customer_id} column is called {@code cookie} in the file; {@code --alias event_type:impression=touch} says
 * the value {@code impression} of {@code event_type} means {@code touch}. Column names are case-insensitive.
 */
public final class ColumnMapping {
  private static final ColumnMapping NONE = new ColumnMapping(Map.of(), Map.of());

  private final Map<String, String> sourceByCanonical;
  private final Map<String, Map<String, String>> aliasesByCanonical;

  private ColumnMapping(Map<String, String> sourceByCanonical, Map<String, Map<String, String>> aliases) {
    this.sourceByCanonical = sourceByCanonical;
    this.aliasesByCanonical = aliases;
  }

  /** @return the identity mapping */
  public static ColumnMapping none() {
    return NONE;
  }

  /**
   * @param columns canonical name → the file's column name
   * @param aliases canonical column → (file value → canonical value); values compared case-insensitively
   */
  public static ColumnMapping of(Map<String, String> columns, Map<String, Map<String, String>> aliases) {
    Map<String, String> cols = new HashMap<>();
    columns.forEach((k, v) -> cols.put(lower(k), lower(v)));
    Map<String, Map<String, String>> al = new HashMap<>();
    aliases.forEach((col, m) -> {
      Map<String, String> values = new HashMap<>();
      m.forEach((from, to) -> values.put(lower(from), to.strip()));
      al.put(lower(col), Collections.unmodifiableMap(values));
    });
    return new ColumnMapping(Map.copyOf(cols), Map.copyOf(al));
  }

  /**
   * Reads the {@code --map} and {@code --alias} options, for every engine.
   *
   * @param maps {@code canonical=source} entries, e.g. {@code customer_id=cookie}
   * @param aliases {@code column:value=canonical} entries, e.g. {@code event_type:impression=touch}
   * @return the mapping
   * @throws io.tributary.core.TributaryException bad input, one line naming the option and the entry
   */
  public static ColumnMapping parse(List<String> maps, List<String> aliases) {
    Map<String, String> columns = new HashMap<>();
    for (String m : maps) {
      int eq = m.indexOf('=');
      if (eq <= 0 || eq == m.length() - 1 || m.substring(0, eq).isBlank() || m.substring(eq + 1).isBlank()) {
        throw Errors.badOption("map",
            "expected SPEC_COLUMN=FILE_COLUMN such as customer_id=cookie, got \"" + m + "\"");
      }
      String canonical = lower(m.substring(0, eq));
      String source = m.substring(eq + 1).strip();
      String before = columns.put(canonical, source);
      if (before != null && !before.equalsIgnoreCase(source)) {
        throw Errors.badOption("map", "column " + canonical + " given twice (" + before + ", " + source + ")");
      }
    }
    Map<String, Map<String, String>> values = new HashMap<>();
    for (String a : aliases) {
      int colon = a.indexOf(':');
      int eq = a.indexOf('=', Math.max(colon, 0));
      if (colon <= 0 || eq <= colon + 1 || eq == a.length() - 1) {
        throw Errors.badOption("alias",
            "expected COLUMN:FROM=TO such as event_type:impression=touch, got \"" + a + "\"");
      }
      values.computeIfAbsent(lower(a.substring(0, colon)), k -> new HashMap<>())
          .put(a.substring(colon + 1, eq).strip(), a.substring(eq + 1).strip());
    }
    return of(columns, values);
  }

  /**
   * The mapping a side input (spend, identity map, opt-out list) is read with, the one rule of every engine: the
   * {@code --map} renames are the main input's, and a side file exported beside it may use the export's names or
   * SPEC's. So each renamed column is read by its export name when {@code header} has that name, else by SPEC's name;
   * value aliases ({@code --alias}) are the main input's values and do not apply.
   *
   * @param header the side file's header as read
   * @return the renames whose export name {@code header} has
   */
  public ColumnMapping forSideInput(List<String> header) {
    if (sourceByCanonical.isEmpty() && aliasesByCanonical.isEmpty()) {
      return this;
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String n : header) {
      names.add(Header.normalise(n));
    }
    Map<String, String> kept = new HashMap<>();
    sourceByCanonical.forEach((canonical, source) -> {
      if (names.contains(source)) {
        kept.put(canonical, source);
      }
    });
    return kept.isEmpty() ? NONE : new ColumnMapping(Map.copyOf(kept), Map.of());
  }

  /** @return the file's name of canonical column {@code canonical}, lower-case */
  public String source(String canonical) {
    return sourceByCanonical.getOrDefault(lower(canonical), lower(canonical));
  }

  /**
   * @return the value aliases of canonical column {@code canonical} (file value, lower-case → canonical value), or
   *     null when it has none
   */
  Map<String, String> aliases(String canonical) {
    return aliasesByCanonical.get(canonical);
  }

  /** @return whether any column has value aliases (engines with a byte-level fast path skip it then) */
  public boolean hasAliases() {
    return !aliasesByCanonical.isEmpty();
  }

  /** @return {@code value} translated by the aliases of {@code canonical}, or unchanged */
  public String translate(String canonical, String value) {
    Map<String, String> m = aliasesByCanonical.get(canonical);
    if (m == null || value == null) {
      return value;
    }
    String to = m.get(lower(value));
    return to == null ? value : to;
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
