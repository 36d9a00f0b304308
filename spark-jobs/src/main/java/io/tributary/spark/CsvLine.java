package io.tributary.spark;

import io.tributary.core.input.Delimiters;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields by RFC 4180 (double-quoted fields, {@code ""} for a quote inside them), and picks a
 * file's delimiter from its header. The job reads files line by line so that every row keeps its real line number;
 * the price is that a quoted field spanning several lines is not supported: such a line is rejected as an unterminated
 * quote.
 */
final class CsvLine {
  private CsvLine() {}

  /** A line that cannot be split, with the reason. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Picks the delimiter a header line uses: whichever of comma, semicolon and tab occurs most often outside quotes;
   * comma when none does or on a tie.
   */
  static char detectDelimiter(String header) {
    return Delimiters.detect(header);
  }

  /**
   * @param line one physical line, without its line terminator
   * @param delimiter the field delimiter
   * @return the fields, quotes removed
   * @throws MalformedException for an unterminated quote or text after a closing quote
   */
  static String[] split(String line, char delimiter) throws MalformedException {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new MalformedException("unterminated quoted field in column " + (fields.size() + 1)
                + " (quoted fields spanning lines are not supported by the Spark job)");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < n && line.charAt(i) != delimiter) {
          throw new MalformedException(
              "unexpected character after the closing quote of column " + (fields.size() + 1));
        }
      } else {
        while (i < n && line.charAt(i) != delimiter) {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= n) {
        return fields.toArray(String[]::new);
      }
      i++; // the delimiter
    }
  }
}
