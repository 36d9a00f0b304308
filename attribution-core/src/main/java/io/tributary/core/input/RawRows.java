package io.tributary.core.input;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What the {@code raw} column of {@code rejected_rows} may show of a rejected row, the same in every engine. A rejected
 * row is echoed so that the analyst can find and fix it, but SPEC promises that no output holds a raw customer id,
 * and an export's cells may hold more personal data than Tributary reads (an e-mail column, a device id). So raw keeps
 * only the cells of columns whose header names a value that is not about a person ({@link #SHOWN}: timestamps,
 * channels, amounts, counts, dates); every other cell — {@code customer_id}, {@code alias_id}, {@code device_id},
 * {@code order_id}, a column renamed by {@code --map}, any column Tributary ignores — becomes {@value #REDACTED}.
 *
 * <p>A row that cannot be matched to the header (wrong number of fields, or a line that cannot be split at all) cannot
 * be redacted cell by cell: its cells may be shifted, so any of them may be the customer id. When the file has any
 * redacted column such a row is withheld whole; a file whose every column is shown (a path or spend file with SPEC's
 * header) keeps it, since it holds no personal data. Thread-safe and serializable (engines ship it to workers).
 */
public final class RawRows implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a redacted cell reads. */
  public static final String REDACTED = "[redacted]";

  /** Header names whose cells are shown: none of them is about a person. */
  public static final Set<String> SHOWN = Set.of("timestamp", "channel", "conversion", "conversion_value",
      "event_type", "campaign", "path", "total_conversions", "total_conversion_value", "total_null", "date",
      "spend");

  private final boolean[] shown;
  private final boolean everyColumnShown;
  private final char delimiter;

  private RawRows(boolean[] shown, char delimiter) {
    this.shown = shown;
    this.delimiter = delimiter;
    boolean all = true;
    for (boolean s : shown) {
      all &= s;
    }
    this.everyColumnShown = all;
  }

  /**
   * @param header the file's header fields as read (BOM, case and surrounding spaces do not matter)
   * @param delimiter the file's delimiter, used to join the cells back into one line
   * @return the redaction for rows of that file
   */
  public static RawRows of(List<String> header, char delimiter) {
    boolean[] shown = new boolean[header.size()];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = SHOWN.contains(Header.normalise(header.get(i)));
    }
    return new RawRows(shown, delimiter);
  }

  /**
   * @param fields a rejected row's cells as split
   * @return the row as one CSV line (RFC 4180 quoting), personal cells replaced by {@value #REDACTED}; or a
   *     withheld notice when the row does not match the header and the file has personal columns
   */
  public String line(String[] fields) {
    if (fields.length != shown.length && !everyColumnShown) {
      return withheld(fields.length + " fields where the header has " + shown.length);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      sb.append(i < shown.length && !shown[i] ? REDACTED : quote(fields[i]));
    }
    return sb.toString();
  }

  /**
   * @param physicalLine a line that could not be split into cells (an unterminated quote, say)
   * @return the line itself when the file has no personal column, else a withheld notice
   */
  public String unsplit(String physicalLine) {
    return everyColumnShown ? physicalLine : withheld("the line cannot be split into columns");
  }

  /** @return whether some column of the file is redacted */
  public boolean redacts() {
    return !everyColumnShown;
  }

  private static String withheld(String why) {
    return "[withheld: " + why + "; it may hold a customer id]";
  }

  private String quote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
        return '"' + s.replace("\"", "\"\"") + '"';
      }
    }
    return s;
  }
}
