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
      String n = names.get(i) == null ? "" : stripBom(names.get(i)).strip().toLowerCase(Locale.ROOT);
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
              + String.join(",", names.stream().map(Values::clip).toList())
              + (names.size() == 1 && names.get(0).contains(";") ? " (wrong delimiter?)" : ""));
        }
      }
    }
    return new Header(file, Map.copyOf(index), names.size());
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

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
}
