package io.tributary.core;

/**
 * Bad input that can be pointed at: a file, a 1-based line (0 when the whole file is at fault) and a column name (null
 * when no single column is). The message reads {@code file:line: column NAME: reason}.
 */
public final class InputException extends TributaryException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;
  private final String reason;

  /**
   * @param file the input's name as the user gave it
   * @param line 1-based line number (the header is line 1), or 0 for the whole file
   * @param column the column at fault, or null
   * @param reason what is wrong and what is allowed, without the location
   */
  public InputException(String file, long line, String column, String reason) {
    super(format(file, line, column, reason));
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** Builds the location-prefixed one-line message shared by errors and rejected-row reports. */
  public static String format(String file, long line, String column, String reason) {
    StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (column != null) {
      sb.append("column ").append(column).append(": ");
    }
    return sb.append(reason).toString();
  }

  /** @return the input's name as the user gave it */
  public String file() {
    return file;
  }

  /** @return the 1-based line, or 0 when the whole file is at fault */
  public long line() {
    return line;
  }

  /** @return the column at fault, or null */
  public String column() {
    return column;
  }

  /** @return what is wrong, without the location prefix */
  public String reason() {
    return reason;
  }
}
