package io.tributary.core.input;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Parses the scalar cells every input shares (flags, counts, money), with the same rules and the same user-facing
 * reasons in every engine. Each method throws {@link IllegalArgumentException} whose message is the reason only; the
 * caller adds file, line and column.
 */
public final class Values {
  /** Longest raw text quoted back in a message, so a 1 MB cell does not become a 1 MB error line. */
  static final int CLIP = 60;

  /**
   * Most digits an amount may have on either side of its decimal point (leading zeros not counted): the range every
   * amount must fit, 18 + 18 digits (a billionth of a cent of a quintillion is no conversion value).
   */
  public static final int MAX_AMOUNT_SCALE = 18;
  /** Most digits of a count: {@link Long#MAX_VALUE} has 19, and leading zeros earn no more. */
  public static final int MAX_COUNT_DIGITS = 19;

  private Values() {}

  /**
   * Numbers are written in ASCII digits. Java reads Arabic-Indic, Devanagari or full-width digits as numbers too
   * ({@code "١٢"} is 12), which no export means: such a cell is a broken encoding or pasted text, and {@code 1,234} is
   * refused already, so a number in other digits is refused with a reason that says why.
   *
   * @throws IllegalArgumentException when {@code s} holds a digit that is not 0-9
   */
  public static void checkAsciiDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7f && Character.isDigit(c)) {
        throw new IllegalArgumentException(
            "\"" + clip(s) + "\" has digits other than 0-9 (numbers are read in ASCII digits only)");
      }
    }
  }

  /*
   * The digits of a plain decimal ([+-]digits[.digits], no exponent): those before the point, leading zeros not
   * counted, in the high half, those after it in the low half; -1 for any other text (which BigDecimal then reads or
   * words as not a number). Counted before parsing, so that a 300-digit cell is told "too many digits" rather than
   * "not a number".
   */
  private static long plainDigits(String s) {
    int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
    long whole = 0;
    long fraction = 0;
    boolean point = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' && !point) {
        point = true;
      } else if (c >= '0' && c <= '9') {
        if (point) {
          fraction++;
        } else if (c != '0' || whole > 0) {
          whole++;
        }
      } else {
        return -1;
      }
    }
    return whole << 32 | fraction;
  }

  /** Quotes at most {@value #CLIP} characters of a value back to the user, control characters escaped. */
  public static String clip(String s) {
    StringBuilder sb = new StringBuilder();
    int n = Math.min(s.length(), CLIP);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (s.length() > CLIP) {
      sb.append("...(").append(s.length()).append(" chars)");
    }
    return sb.toString();
  }

  /** @return whether {@code s} holds a control character (NUL, a line break, escape, DEL, ...) */
  public static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a conversion flag: empty, {@code 0}, {@code false}, {@code no} are false; {@code 1}, {@code true},
   * {@code yes} are true (case-insensitive).
   */
  public static boolean parseFlag(String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    switch (s) {
      case "":
      case "0":
      case "false":
      case "no":
        return false;
      case "1":
      case "true":
      case "yes":
        return true;
      default:
        throw new IllegalArgumentException(
            "expected 0/1 or true/false, got \"" + clip(text.strip()) + "\"");
    }
  }

  /**
   * Reads a non-negative, finite decimal amount exactly (no binary rounding), as money should be. Empty means zero.
   *
   * @throws IllegalArgumentException for text that is not a plain decimal, is negative, NaN or infinite
   */
  public static BigDecimal parseAmount(String text) {
    String s = numberText(text);
    if (s == null) {
      return BigDecimal.ZERO;
    }
    long digits = plainDigits(s);
    if (digits >= 0) {
      int whole = (int) (digits >>> 32);
      int fraction = (int) digits;
      if (whole > MAX_AMOUNT_SCALE || fraction > MAX_AMOUNT_SCALE) {
        throw new IllegalArgumentException("amount has too many digits (" + whole + " before and " + fraction
            + " after the decimal point; at most " + MAX_AMOUNT_SCALE + " on each side)");
      }
    }
    BigDecimal v = nonNegative(s, 64, "a non-negative decimal number", "amount");
    if (v.scale() > 18 || v.precision() - v.scale() > 18) {
      throw new IllegalArgumentException("amount " + clip(s) + " is outside the supported range (18 digits)");
    }
    return v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
  }

  /** Most significant digits a plain amount or count is read with on bytes: any such number fits a {@code long}. */
  private static final int PLAIN_DIGITS = 18;

  /**
   * {@link #parseCount} of a {@linkplain Fields#plain plain} cell read straight from its bytes, for the commonest form
   * only: spaces around at most 18 ASCII digits (or nothing: 0). Any other text (a sign, a point, an exponent, more
   * digits, a bad count) is left to {@link #parseCount}, which decides it and words the reason: for every cell this
   * reads, the result is the one {@code parseCount} gives.
   *
   * @param b the buffer holding the cell: printable ASCII between {@code from} and {@code to}
   * @return the count, or -1 when {@link #parseCount} must read the cell's text
   */
  public static long plainCount(byte[] b, int from, int to) {
    int f = PlainCells.strippedFrom(b, from, to);
    int t = PlainCells.strippedTo(b, f, to);
    if (t - f > PLAIN_DIGITS) {
      return -1;
    }
    long n = 0;
    for (int i = f; i < t; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      n = 10 * n + d;
    }
    return n;
  }

  /**
   * {@link #parseAmount} of a {@linkplain Fields#plain plain} cell read straight from its bytes, for the commonest form
   * only: spaces around at most 19 characters of ASCII digits with an optional point between digits ({@code 12},
   * {@code 0.50}), at most 18 significant digits, or nothing (zero). Any other text is left to {@link #parseAmount}. For every cell this
   * reads, the result equals (scale included) the one {@code parseAmount} gives: exact, trailing zeros stripped, never
   * a negative scale; so sums of it are the same bits.
   *
   * @param b the buffer holding the cell: printable ASCII between {@code from} and {@code to}
   * @return the amount, or null when {@link #parseAmount} must read the cell's text
   */
  public static BigDecimal plainAmount(byte[] b, int from, int to) {
    int f = PlainCells.strippedFrom(b, from, to);
    int t = PlainCells.strippedTo(b, f, to);
    if (f == t) {
      return BigDecimal.ZERO;
    }
    if (t - f > PLAIN_DIGITS + 1) {
      return null; // then parseAmount's own limits (18 digits a side, 64 characters) cannot be reached here
    }
    long unscaled = 0;
    int significant = 0;
    int scale = -1; // digits after the point; -1 before a point is seen
    for (int i = f; i < t; i++) {
      int c = b[i];
      if (c == '.') {
        if (scale >= 0 || i == f || i == t - 1) {
          return null; // a second point, or none of the digits BigDecimal's "1." and ".5" would stand for here
        }
        scale = 0;
        continue;
      }
      int d = c - '0';
      if (d < 0 || d > 9) {
        return null;
      }
      if (unscaled != 0 || d != 0) {
        if (++significant > PLAIN_DIGITS) {
          return null;
        }
      }
      unscaled = 10 * unscaled + d;
      if (scale >= 0) {
        scale++;
      }
    }
    if (unscaled == 0) {
      return BigDecimal.ZERO;
    }
    if (scale < 0) {
      scale = 0;
    }
    while (scale > 0 && unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    return BigDecimal.valueOf(unscaled, scale);
  }

  /**
   * Reads a non-negative whole count. {@code 3.0} is accepted as 3; {@code 2.5}, negatives and text are not.
   */
  public static long parseCount(String text) {
    String s = numberText(text);
    if (s == null) {
      return 0;
    }
    long digits = plainDigits(s);
    if (digits >= 0 && (digits >>> 32) > MAX_COUNT_DIGITS) {
      throw new IllegalArgumentException("count is too large: too many digits (" + (digits >>> 32) + "; at most "
          + Long.MAX_VALUE + ")");
    }
    BigDecimal v = nonNegative(s, 40, "a whole number >= 0", "count");
    if (v.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("count " + clip(s) + " is not a whole number");
    }
    try {
      return v.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("count " + clip(s) + " is too large (at most " + Long.MAX_VALUE + ")");
    }
  }

  /* A number cell's text, stripped and checked for digits other than 0-9; null when it is empty. */
  private static String numberText(String text) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      return null;
    }
    checkAsciiDigits(s);
    return s;
  }

  /*
   * The stripped text s read as a decimal that is not negative: text longer than maxLength is not a number (a
   * BigDecimal of a 1 MB cell costs what no row is worth); the reasons name what was expected and the noun.
   */
  private static BigDecimal nonNegative(String s, int maxLength, String expected, String noun) {
    BigDecimal v;
    try {
      if (s.length() > maxLength) {
        throw new NumberFormatException();
      }
      v = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected " + expected + ", got \"" + clip(s) + "\"");
    }
    if (v.signum() < 0) {
      throw new IllegalArgumentException("negative " + noun + " " + clip(s) + " (must be >= 0)");
    }
    return v;
  }
}
