package io.tributary.cli.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one number format of every machine-readable output: the shortest decimal that reads back as the same double,
 * written in plain notation (never an exponent), with {@code .} as decimal point, no grouping, no trailing zeros, and
 * whole numbers without a fraction ({@code 3}, not {@code 3.0}). Negative zero is written {@code 0}.
 */
public final class Numbers {
  /*
   * Shortest round trip: for p = 1, 2, ... 17 digits, the nearest p-digit decimal to d (half-even) is the best
   * p-digit candidate, because the set of decimals that round to d is an interval around d; the first p whose nearest
   * decimal parses back to d gives the shortest representation, and among equally short ones the closest [1]. This is
   * what Double.toString does from JDK 19 on [2]; JDK 17's Double.toString sometimes gives one digit more, so we do
   * not rely on it, and the output is the same on every JDK.
   *
   * [1] Steele & White, "How to print floating-point numbers accurately", PLDI 1990.
   * [2] JDK-4511638, Double.toString(double) sometimes produces incorrect results.
   */
  private static final MathContext[] DIGITS = new MathContext[18];

  static {
    for (int p = 1; p <= 17; p++) {
      DIGITS[p] = new MathContext(p, RoundingMode.HALF_EVEN);
    }
  }

  private Numbers() {}

  /**
   * @param d a finite double
   * @return its shortest round-trip decimal in plain notation
   * @throws IllegalArgumentException for NaN or an infinity, which no output may contain
   */
  public static String format(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("not a finite number: " + d);
    }
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    BigDecimal exact = new BigDecimal(d);
    if ((Double.doubleToRawLongBits(d) & 0x000F_FFFF_FFFF_FFFFL) != 0) {
      // Not a power of two: the doubles next to d are equally far on both sides, so the decimals that read back as d
      // form a symmetric interval around it. The nearest (p+1)-digit decimal is at least as close as the nearest
      // p-digit one (every p-digit decimal is a (p+1)-digit one), so once a precision reads back, every higher one
      // does: bisect for the first (4-5 roundings, not up to 17; the CSV writer of a segmented run formats millions).
      // JDK 17's Double.toString reads back as d with n significant digits, sometimes one or two more than needed:
      // the shortest is at most n, and most often exactly n, so n - 1 is tried first (2 roundings, not 5).
      int lo = 1;
      int hi = Math.min(17, readsBackDigits(d));
      BigDecimal best = null;
      int bestDigits = 0;
      int probe = hi - 1;
      while (lo < hi) {
        BigDecimal candidate = exact.round(DIGITS[probe]);
        if (candidate.doubleValue() == d) {
          hi = probe;
          best = candidate;
          bestDigits = probe;
        } else {
          lo = probe + 1;
        }
        probe = (lo + hi) >>> 1;
      }
      if (best != null && bestDigits == lo) {
        return plain(best);
      }
      return plain(exact.round(DIGITS[lo]));
    }
    // A power of two: the interval is twice as wide above d as below, so look at every precision in turn.
    for (int p = 1; p <= 17; p++) {
      BigDecimal candidate = exact.round(DIGITS[p]);
      if (candidate.doubleValue() == d) {
        return plain(candidate);
      }
    }
    return plain(exact.round(DIGITS[17]));
  }

  /*
   * The significant digits of Double.toString(d) when it reads back as d (it always should), else 17: a number of
   * digits that certainly suffices.
   */
  private static int readsBackDigits(double d) {
    String s = Double.toString(d);
    if (Double.parseDouble(s) != d) {
      return 17;
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'E') {
        break;
      }
      if (c >= '1' && c <= '9') {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      return 17;
    }
    int digits = 0;
    for (int i = first; i <= last; i++) {
      digits += s.charAt(i) == '.' ? 0 : 1;
    }
    return Math.max(1, digits);
  }

  /** @return {@code d} formatted, or the empty string for null */
  public static String formatOrEmpty(Double d) {
    return d == null ? "" : format(d);
  }

  private static String plain(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }
}
