package io.tributary.cli.csv;

/**
 * Encodes CSV cells for output. Text cells are quoted when they hold the delimiter, a quote or a line break, and are
 * neutralised when a spreadsheet would execute them: a text cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return gets a leading apostrophe ({@code '=cmd} shows as {@code =cmd} in a spreadsheet
 * and runs nothing). Numbers are written by the caller as numbers and never altered: {@code -0.25} is a number, not
 * a formula, and a spreadsheet reads it as one.
 */
public final class CsvCells {
  private CsvCells() {}

  /** @return whether a spreadsheet could read {@code text} as a formula */
  public static boolean dangerous(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** @return a text cell, neutralised and quoted as needed */
  public static String text(String text, char delimiter) {
    String s = dangerous(text) ? "'" + text : text;
    return quote(s, delimiter);
  }

  /** @return {@code s} quoted per RFC 4180 when it holds the delimiter, a quote or a line break */
  public static String quote(String s, char delimiter) {
    boolean needs = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
        needs = true;
        break;
      }
    }
    if (!needs) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** @return the fields joined back into one CSV line (quoted as needed, not neutralised) */
  public static String line(String[] fields, char delimiter) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      sb.append(quote(fields[i], delimiter));
    }
    return sb.toString();
  }
}
