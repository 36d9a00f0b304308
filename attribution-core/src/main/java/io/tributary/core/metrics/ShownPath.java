package io.tributary.core.metrics;

import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathTable;
import java.util.List;
import java.util.Objects;

/**
 * A path's text as {@code path_summary} shows it: its touchpoints' names joined by {@link #SEPARATOR}. Made from a
 * path table's row, it is a list of indexes into {@link Names} shared by every path of the table, and it is spelled
 * out only when asked ({@link #toString()}). A writer can instead copy each name's encoded bytes, prepared once per
 * {@link Names}: a campaign-level {@code path_summary} of 1.12M paths is 252 MB of text, and making each path's String,
 * then reading it back a char at a time to encode it, was more than half of that table's write
 * ({@code benchmarks/results/segments.md}).
 *
 * <p>Equal to any other {@code ShownPath} of the same text, whatever it was made of.
 */
public final class ShownPath implements CharSequence {
  /** Between two touchpoints' names: {@code " > "}. */
  public static final String SEPARATOR = " " + Path.MARK + " ";

  private final Names names;
  // A row of a table, or (table null) the indexes themselves.
  private final PathTable table;
  private final int path;
  private final int[] indexes;
  // Spelled out when first asked; a benign race (a String is immutable).
  private String text;

  private ShownPath(Names names, PathTable table, int path, int[] indexes) {
    this.names = names;
    this.table = table;
    this.path = path;
    this.indexes = indexes;
  }

  /**
   * @param text names joined by {@link #SEPARATOR} (a name never holds {@link Path#MARK}), or empty for no touch
   * @return the text as a shown path, whose names are its own
   */
  public static ShownPath of(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.isEmpty() ? new String[0] : text.split(SEPARATOR, -1);
    int[] indexes = new int[parts.length];
    for (int k = 0; k < parts.length; k++) {
      indexes[k] = k;
    }
    ShownPath p = new ShownPath(new Names(List.of(parts)), null, -1, indexes);
    p.text = text;
    return p;
  }

  /**
   * @param names every channel id's name, as the path shows it
   * @param table the paths
   * @param path the row of {@code table}
   * @return its text; {@code names} must have an entry for every channel id of {@code table}
   */
  static ShownPath of(Names names, PathTable table, int path) {
    return new ShownPath(names, table, path, null);
  }

  /** @return the names the touches index, shared by the paths of one table */
  public Names names() {
    return names;
  }

  /** @return the number of touches (names) of the path; 0 for a conversion with no touch */
  public int touches() {
    return table != null ? table.length(path) : indexes.length;
  }

  /** @return the index in {@link #names()} of touch {@code k}, {@code 0 <= k < touches()} */
  public int name(int k) {
    return table != null ? table.channel(path, k) : indexes[Objects.checkIndex(k, indexes.length)];
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      int n = touches();
      int length = n == 0 ? 0 : SEPARATOR.length() * (n - 1);
      for (int k = 0; k < n; k++) {
        length += names.get(name(k)).length();
      }
      StringBuilder sb = new StringBuilder(length);
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          sb.append(SEPARATOR);
        }
        sb.append(names.get(name(k)));
      }
      t = sb.toString();
      text = t;
    }
    return t;
  }

  @Override
  public int length() {
    return toString().length();
  }

  @Override
  public char charAt(int index) {
    return toString().charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().subSequence(start, end);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShownPath p && toString().equals(p.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /**
   * The names a table's paths are made of, one per channel id: one object for all of them, so a writer that prepares
   * something per name (its encoded bytes) does it once per table and knows it by identity.
   */
  public static final class Names {
    private final String[] names;

    /** @param names the names, by index */
    public Names(List<String> names) {
      this.names = names.toArray(String[]::new);
      for (String n : this.names) {
        Objects.requireNonNull(n, "name");
      }
    }

    /** @return the number of names */
    public int size() {
      return names.length;
    }

    /** @return name {@code i} */
    public String get(int i) {
      return names[i];
    }
  }
}
