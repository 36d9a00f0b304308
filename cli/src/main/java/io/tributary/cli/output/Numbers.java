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
    String javaDigits = Double.toString(d);
    if (Math.abs(d) >= Double.MIN_NORMAL) {
      String fewDigits = fewDigits(javaDigits, d);
      if (fewDigits != null) {
        return fewDigits;
      }
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
      int hi = Math.min(17, readsBackDigits(javaDigits, d));
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
   * The shortest decimal of a normal double d from Double.toString(d) alone, when that has at most 15 significant
   * digits and reads back as d; else null. Exact, not a guess: two distinct decimals of at most 15 significant digits
   * never read back as the same normal double (their spacing, at least 10^-14 of the decade they start, exceeds the
   * doubles' interval around d, at most 2^-52 of d: DBL_DIG), so a 15-digit decimal that reads back as d is the
   * only one with so few digits, hence the shortest, and the nearest rounding of d to its digit count is itself. Money
   * sums and ratios of a few digits (a million path_summary values) then need no BigDecimal of d's exact 50-odd
   * digits, whose powers of five were the largest allocation of a campaign-level write.
   */
  private static String fewDigits(String javaDigits, double d) {
    if (plainAlready(javaDigits)) {
      // 10^-3 <= |d| < 10^7 (most of any table): Double.toString's own text is the plain form.
      return Double.parseDouble(javaDigits) == d ? javaDigits : null;
    }
    // Double.toString writes [-]digits.digits, or [-]d.digitsE[-]exponent: collect the digits, where the point is,
    // and the exponent.
    int n = javaDigits.length();
    char[] digits = new char[n];
    int count = 0;
    int pointAt = -1;
    int exponent = 0;
    int i = javaDigits.charAt(0) == '-' ? 1 : 0;
    for (; i < n; i++) {
      char c = javaDigits.charAt(i);
      if (c == '.') {
        pointAt = count;
      } else if (c == 'E') {
        exponent = Integer.parseInt(javaDigits, i + 1, n, 10);
        break;
      } else if (count > 0 || c != '0') { // leading zeros are no digits of the number
        digits[count++] = c;
      } else if (pointAt >= 0) {
        exponent--; // a zero after the point and before the first digit: one decade further down
      }
    }
    if (pointAt < 0) {
      pointAt = count;
    }
    // The number is 0.<digits[0, count)> * 10^(exponent + pointAt), pointAt counted in digits without the leading
    // zeros (those after the point were counted in exponent instead).
    int trailing = count;
    while (trailing > 0 && digits[trailing - 1] == '0') {
      trailing--;
    }
    if (trailing == 0 || trailing > 15 || Double.parseDouble(javaDigits) != d) {
      return null;
    }
    // Value = digits[0, trailing) * 10^power.
    int power = exponent + pointAt - trailing;
    StringBuilder out = new StringBuilder(trailing + Math.max(0, power) + Math.max(0, -power) + 3);
    if (d < 0) {
      out.append('-');
    }
    if (power >= 0) {
      out.append(digits, 0, trailing);
      for (int z = 0; z < power; z++) {
        out.append('0');
      }
    } else if (-power < trailing) {
      out.append(digits, 0, trailing + power).append('.').append(digits, trailing + power, -power);
    } else {
      out.append("0.");
      for (int z = 0; z < -power - trailing; z++) {
        out.append('0');
      }
      out.append(digits, 0, trailing);
    }
    return out.toString();
  }

  /*
   * Whether Double.toString's text is already the answer's form: no exponent, no trailing zero, at most 15 significant
   * digits (the zeros before the first nonzero digit are none).
   */
  private static boolean plainAlready(String javaDigits) {
    int n = javaDigits.length();
    if (javaDigits.charAt(n - 1) == '0') {
      return false;
    }
    int significant = 0;
    for (int i = 0; i < n; i++) {
      char c = javaDigits.charAt(i);
      if (c == 'E') {
        return false;
      }
      if (c >= '0' && c <= '9' && (significant > 0 || c != '0')) {
        significant++;
      }
    }
    return significant <= 15;
  }

  /*
   * The significant digits of Double.toString(d) when it reads back as d (it always should), else 17: a number of
   * digits that certainly suffices.
   */
  private static int readsBackDigits(String s, double d) {
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
