package io.tributary.cli.csv;

import io.tributary.core.input.Delimiters;
import java.util.Locale;

/**
 * The field delimiter of an input: given, or detected from the header line among comma, semicolon and tab.
 *
 * @param auto whether to detect it from the header
 * @param given the delimiter when not detected
 */
public record Delimiter(boolean auto, char given) {
  /** Detect from the header. */
  public static final Delimiter AUTO = new Delimiter(true, ',');

  /**
   * @param text {@code auto}, {@code ,}, {@code ;}, {@code tab} (or {@code \t}, a real tab, {@code comma},
   *     {@code semicolon}, {@code |})
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Delimiter parse(String text) {
    String s = text == null ? "" : text;
    switch (s.toLowerCase(Locale.ROOT)) {
      case "auto":
        return AUTO;
      case ",":
      case "comma":
        return new Delimiter(false, ',');
      case ";":
      case "semicolon":
        return new Delimiter(false, ';');
      case "tab":
      case "\\t":
      case "\t":
        return new Delimiter(false, '\t');
      case "|":
      case "pipe":
        return new Delimiter(false, '|');
      default:
        throw new IllegalArgumentException(
            "invalid delimiter \"" + s + "\" (auto, ',', ';', tab or '|')");
    }
  }

  /**
   * Picks the delimiter a header line uses: whichever of comma, semicolon and tab occurs most often outside quotes;
   * comma when none does (a one-column file) or on a tie.
   *
   * @param headerLine the first line of the file
   */
  public char detect(String headerLine) {
    if (!auto) {
      return given;
    }
    return Delimiters.detect(headerLine);
  }

  /** @return a name for messages */
  public static String describe(char d) {
    return d == '\t' ? "tab" : "'" + d + "'";
  }
}
