package io.tributary.core.input;

import io.tributary.core.InputException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A file's header resolved against the canonical columns an input needs: which field index holds each column.
 * Missing required columns and duplicated names are reported naming the file, line 1 and the column.
 */
public final class Header {
  private final String file;
  private final Map<String, Integer> indexByCanonical;
  private final int width;

  private Header(String file, Map<String, Integer> indexByCanonical, int width) {
    this.file = file;
    this.indexByCanonical = indexByCanonical;
    this.width = width;
  }

  /**
   * @param file the file's name for messages
   * @param names the header fields as read
   * @param required canonical columns that must be present
   * @param optional canonical columns that may be present
   * @param mapping column renames
   * @throws InputException when a required column is missing, or a used column appears twice
   */
  public static Header resolve(String file, List<String> names, List<String> required, List<String> optional,
      ColumnMapping mapping) {
    Map<String, Integer> byName = new HashMap<>();
    Map<String, Integer> duplicated = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String n = normalise(names.get(i));
      if (byName.putIfAbsent(n, i) != null) {
        duplicated.put(n, i);
      }
    }
    Map<String, Integer> index = new HashMap<>();
    for (List<String> group : List.of(required, optional)) {
      for (String canonical : group) {
        String source = mapping.source(canonical);
        if (duplicated.containsKey(source)) {
          throw new InputException(file, 1, source, "column appears more than once in the header");
        }
        Integer i = byName.get(source);
        if (i != null) {
          index.put(canonical, i);
        } else if (group == required) {
          String hint = source.equals(canonical) ? "" : " (mapped from " + canonical + ")";
          throw new InputException(file, 1, source, "required column is missing" + hint + "; header has "
              + describe(names, required, optional, mapping)
              + (names.size() == 1 && names.get(0).contains(";") ? " (wrong delimiter?)" : ""));
        }
      }
    }
    return new Header(file, Map.copyOf(index), names.size());
  }

  /** @return a header name as matched: byte-order mark and surrounding spaces removed, lower-case */
  static String normalise(String name) {
    if (name == null) {
      return "";
    }
    String s = !name.isEmpty() && name.charAt(0) == '\uFEFF' ? name.substring(1) : name;
    return s.strip().toLowerCase(Locale.ROOT);
  }

  /*
   * The header as quoted back in an error, naming only the columns Tributary knows. A file without a header (an
   * opt-out list exported bare, say) has a data row there, and its cells — customer ids — must not reach an error
   * message, which the Spark job keeps in run_log.
   */
  private static String describe(List<String> names, List<String> required, List<String> optional,
      ColumnMapping mapping) {
    java.util.Set<String> known = new java.util.HashSet<>(KNOWN);
    for (List<String> group : List.of(required, optional)) {
      for (String canonical : group) {
        known.add(canonical);
        known.add(mapping.source(canonical));
      }
    }
    List<String> shown = new java.util.ArrayList<>();
    int others = 0;
    for (String n : names) {
      if (known.contains(normalise(n))) {
        shown.add(Values.clip(n.strip()));
      } else {
        others++;
      }
    }
    String s = String.join(",", shown);
    if (others > 0) {
      s += (shown.isEmpty() ? "" : " and ") + others + (others == 1 ? " unknown column" : " unknown columns");
    }
    return s;
  }

  /** Every column name of every input kind, which an error may quote back. */
  private static final java.util.Set<String> KNOWN = java.util.Set.of("customer_id", "timestamp", "channel",
      "conversion", "conversion_value", "event_type", "order_id", "campaign", "device_id", "path",
      "total_conversions", "total_conversion_value", "total_null", "date", "spend", "alias_id");

  /** @return the file's name */
  public String file() {
    return file;
  }

  /** @return the number of header fields */
  public int width() {
    return width;
  }

  /** @return whether canonical column {@code canonical} is present */
  public boolean has(String canonical) {
    return indexByCanonical.containsKey(canonical);
  }

  /** @return the field index of canonical column {@code canonical}, or -1 when it is absent */
  public int index(String canonical) {
    Integer i = indexByCanonical.get(canonical);
    return i == null ? -1 : i;
  }

  /** @return the field of {@code canonical} in {@code fields}, or null when the column is absent */
  public String get(String[] fields, String canonical) {
    Integer i = indexByCanonical.get(canonical);
    return i == null || i >= fields.length ? null : fields[i];
  }

  /** @return the cell of {@code canonical} in {@code row} as text, or null when the column is absent */
  public String get(Fields row, String canonical) {
    Integer i = indexByCanonical.get(canonical);
    return i == null || i >= row.count() ? null : row.text(i);
  }

  /**
   * The first rule of every row parser: a row has the header's width.
   *
   * @throws InputException naming the row's line, for a row whose cell count is not the header's
   */
  void checkWidth(Fields row) {
    if (row.count() != width) {
      throw new InputException(file, row.line(), null, "expected " + width + " fields, found " + row.count());
    }
  }
}
