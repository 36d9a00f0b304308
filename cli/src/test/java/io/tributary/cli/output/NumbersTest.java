package io.tributary.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void format_knownValues_shortestPlain() {
    assertEquals("0", Numbers.format(0.0));
    assertEquals("0", Numbers.format(-0.0));
    assertEquals("3", Numbers.format(3.0));
    assertEquals("-1", Numbers.format(-1.0));
    assertEquals("0.1", Numbers.format(0.1));
    assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
    assertEquals("0.3333333333333333", Numbers.format(1.0 / 3));
    assertEquals("-0.25", Numbers.format(-0.25));
    assertEquals("0.0000001", Numbers.format(1e-7));
    assertEquals("100000000000000000000", Numbers.format(1e20));
    assertEquals("123456789012.5", Numbers.format(123456789012.5));
    assertEquals("0.002", Numbers.format(0.002));
    // The smallest double's shortest decimal is 5E-324, written out plainly.
    assertEquals("0." + "0".repeat(323) + "5", Numbers.format(Double.MIN_VALUE));
  }

  @Test
  void format_randomDoubles_roundTripAndNoShorterDecimalDoes() {
    SplittableRandom rnd = new SplittableRandom(17);
    for (int i = 0; i < 20_000; i++) {
      double d = switch (i % 3) {
        case 0 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 12));
        case 1 -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL) * (rnd.nextBoolean() ? 1 : -1);
        default -> rnd.nextInt(1_000_000) / 100.0;
      };
      if (Math.abs(d) > 1e30 || (d != 0 && Math.abs(d) < 1e-30)) {
        continue;
      }
      String s = Numbers.format(d);
      assertFalse(s.contains("E") || s.contains("e"), s);
      assertEquals(d, Double.parseDouble(s), s);
      BigDecimal b = new BigDecimal(s);
      int digits = b.stripTrailingZeros().precision();
      if (digits > 1) {
        // Brute force: no decimal with one digit fewer reads back as d.
        BigDecimal shorter = new BigDecimal(d).round(new MathContext(digits - 1, RoundingMode.HALF_EVEN));
        assertNotEquals(d, shorter.doubleValue(), s);
        BigDecimal up = new BigDecimal(d).round(new MathContext(digits - 1, RoundingMode.UP));
        BigDecimal down = new BigDecimal(d).round(new MathContext(digits - 1, RoundingMode.DOWN));
        assertTrue(up.doubleValue() != d && down.doubleValue() != d, s);
      }
    }
  }

  @Test
  void format_powersOfTwoAndNeighbours_sameAsTryingEveryPrecision() {
    // The bisection relies on a symmetric interval around d; powers of two (asymmetric) take every precision in turn.
    // Both must give what trying every precision from 1 up gives (the definition, written out here).
    for (int e = -80; e <= 80; e++) {
      double p = Math.scalb(1.0, e);
      for (double d : new double[] {p, Math.nextUp(p), Math.nextDown(p), 3 * p, p / 3}) {
        assertEquals(everyPrecision(d), Numbers.format(d), Double.toString(d));
      }
    }
  }

  @Test
  void format_randomDoubles_sameAsTryingEveryPrecision() {
    // The first probe is one digit below Double.toString's count: the answer must still be the definition's, for
    // credits (sums rounded once), cents, ratios and any bits.
    SplittableRandom rnd = new SplittableRandom(23);
    for (int i = 0; i < 20_000; i++) {
      double d = switch (i % 4) {
        case 0 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 12));
        case 1 -> Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL);
        case 2 -> rnd.nextInt(1_000_000) / 100.0 * rnd.nextInt(1, 40) / rnd.nextInt(1, 40);
        default -> 2.82879384806159E17 * rnd.nextInt(1, 5) + rnd.nextInt(100) / 7.0;
      };
      if (d > 1e30 || d < 1e-30) {
        continue;
      }
      assertEquals(everyPrecision(d), Numbers.format(d), Double.toString(d));
    }
  }

  @Test
  void format_decimalsOfAtMostFifteenDigits_sameAsTryingEveryPrecision() {
    // Decimals of 1 to 17 significant digits at every decade a double reaches, read as doubles: sums of money, rates,
    // shares. Those of up to 15 digits are written from Double.toString's digits; the rest take the exact search.
    // Either way the answer must be the definition's.
    SplittableRandom rnd = new SplittableRandom(29);
    for (int i = 0; i < 40_000; i++) {
      int digits = rnd.nextInt(1, 18);
      long unscaled = rnd.nextLong(1, (long) Math.pow(10, Math.min(digits, 18)));
      int scale = i % 5 == 0 ? rnd.nextInt(-300, 320) : rnd.nextInt(-16, 24);
      double d = new BigDecimal(java.math.BigInteger.valueOf(unscaled), scale).doubleValue()
          * (rnd.nextInt(7) == 0 ? -1 : 1);
      if (!Double.isFinite(d) || d == 0) {
        continue;
      }
      assertEquals(everyPrecision(d), Numbers.format(d), Double.toString(d));
    }
    // Around the smallest normal double, where the doubles' spacing stops shrinking with them, and at the largest.
    for (double edge : new double[] {Double.MIN_NORMAL, Double.MAX_VALUE, 2.2250738585072014E-308, 1e-307, 1e308}) {
      double d = edge;
      for (int k = 0; k < 50 && Double.isFinite(d); k++) {
        assertEquals(everyPrecision(d), Numbers.format(d), Double.toString(d));
        assertEquals(everyPrecision(-d), Numbers.format(-d), Double.toString(-d));
        d = edge > 1 ? Math.nextDown(d) : k % 2 == 0 ? Math.nextDown(d) : Math.nextUp(Math.nextUp(d));
      }
    }
    assertEquals("451353.49", Numbers.format(451353.49));
    assertEquals("0.00123", Numbers.format(0.00123));
    assertEquals("0.000012345", Numbers.format(1.2345e-5));
    assertEquals("100.5", Numbers.format(100.5));
    assertEquals("123456789012345.6", Numbers.format(123456789012345.6));
    assertEquals("1500000000000000000", Numbers.format(1.5e18));
  }

  private static String everyPrecision(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int p = 1; ; p++) {
      BigDecimal c = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (c.doubleValue() == d) {
        BigDecimal s = c.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
      }
    }
  }

  @Test
  void format_nonFinite_refused() {
    assertThrows(IllegalArgumentException.class, () -> Numbers.format(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Numbers.format(Double.POSITIVE_INFINITY));
  }
}
