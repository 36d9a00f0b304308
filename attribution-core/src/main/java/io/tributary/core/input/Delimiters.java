package io.tributary.core.input;

/**
 * Detects the field delimiter of a delimited text export from its header line, the same way in every engine:
 * whichever of comma, semicolon and tab occurs most often outside double quotes; comma when none does (a one-column
 * file) or on a tie.
 */
public final class Delimiters {
  private Delimiters() {}

  /**
   * @param headerLine the first line of the file, without its line terminator
   * @return {@code ','}, {@code ';'} or {@code '\t'}
   */
  public static char detect(String headerLine) {
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          comma++;
        } else if (c == ';') {
          semicolon++;
        } else if (c == '\t') {
          tab++;
        }
      }
    }
    if (semicolon > comma && semicolon >= tab) {
      return ';';
    }
    if (tab > comma && tab > semicolon) {
      return '\t';
    }
    return ',';
  }
}
