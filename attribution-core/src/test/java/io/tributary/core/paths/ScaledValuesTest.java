package io.tributary.core.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Values as 128-bit integers of one scale against the independent truth: BigDecimal's own rescaling
 * ({@code v.movePointRight(scale)}, exact), the 96-bit limit checked by {@link BigInteger#bitLength}. Unscaled values
 * of every size up to and beyond a long, negative ones, negative scales, and values at the 96-bit edge.
 */
class ScaledValuesTest {
  @Test
  void of_isEveryValueAtTheLargestScale_orNullBeyond96Bits() {
    Random r = new Random(5);
    for (int trial = 0; trial < 3000; trial++) {
      int n = 1 + r.nextInt(8);
      BigDecimal[] values = new BigDecimal[n];
      for (int p = 0; p < n; p++) {
        if (r.nextInt(6) == 0) {
          continue; // null: no value
        }
        BigInteger u = new BigInteger(1 + r.nextInt(r.nextBoolean() ? 40 : 100), r);
        values[p] = new BigDecimal(r.nextBoolean() ? u : u.negate(), r.nextInt(23) - 3);
      }
      int scale = 0;
      boolean fits = true;
      for (BigDecimal v : values) {
        if (v != null && v.signum() != 0) {
          scale = Math.max(scale, v.scale());
        }
      }
      BigInteger[] expected = new BigInteger[n];
      for (int p = 0; p < n; p++) {
        expected[p] = values[p] == null || values[p].signum() == 0 ? BigInteger.ZERO
            : values[p].movePointRight(scale).toBigIntegerExact();
        fits &= expected[p].bitLength() <= 96;
      }
      fits &= scale <= ScaledValues.MAX_SCALE;
      ScaledValues s = ScaledValues.of(values);
      if (!fits) {
        assertNull(s, "trial " + trial);
        continue;
      }
      assertNotNull(s, "trial " + trial);
      assertEquals(scale, s.scale());
      for (int p = 0; p < n; p++) {
        BigInteger got = BigInteger.valueOf(s.high()[p]).shiftLeft(64)
            .add(new BigInteger(Long.toUnsignedString(s.low()[p])));
        assertEquals(expected[p], got, "trial " + trial + " value " + values[p]);
      }
    }
  }

  @Test
  void of_largeTable_madeInChunksOnEveryCore_sameIntegers_orNullForOneValueTooLargeInAnyChunk() {
    // From 2^17 values on, chunks are made in parallel: every value still its own, and one value beyond 96 bits
    // (in the first chunk, a middle one or the last) still makes the whole null.
    Random r = new Random(11);
    int n = 300_001;
    BigDecimal[] values = new BigDecimal[n];
    for (int p = 0; p < n; p++) {
      if (r.nextInt(3) > 0) {
        values[p] = BigDecimal.valueOf(r.nextLong() % 100_000_000_000L, r.nextInt(5));
      }
    }
    ScaledValues s = ScaledValues.of(values);
    assertNotNull(s);
    assertEquals(4, s.scale());
    for (int p = 0; p < n; p++) {
      BigInteger want = values[p] == null ? BigInteger.ZERO : values[p].movePointRight(4).toBigIntegerExact();
      BigInteger got = BigInteger.valueOf(s.high()[p]).shiftLeft(64)
          .add(new BigInteger(Long.toUnsignedString(s.low()[p])));
      assertEquals(want, got, "value " + p);
    }
    for (int at : new int[] {0, n / 2, n - 1}) {
      BigDecimal[] tooLarge = values.clone();
      tooLarge[at] = new BigDecimal(BigInteger.ONE.shiftLeft(100), 0);
      assertNull(ScaledValues.of(tooLarge), "too large at " + at);
    }
  }

  @Test
  void of_numbersOfUpTo18DigitsAtEveryScale_areTheDecimalsOwn() {
    // Where a value's number is read through its double (at most 15 digits below 10^15) and just beyond (16 to 18
    // digits): the largest and smallest numbers of each length, and random ones, at scales -17..18, each alone and
    // beside a value of 18 decimals (so that it is scaled up), against BigDecimal's rescaling.
    Random r = new Random(9);
    int read = 0;
    for (int digits = 1; digits <= 18; digits++) {
      long top = (long) Math.pow(10, digits) - 1;
      long bottom = (long) Math.pow(10, digits - 1);
      long inside = bottom + r.nextLong(top - bottom + 1);
      long negative = -(bottom + r.nextLong(top - bottom + 1));
      for (long u : new long[] {top, bottom, inside, negative}) {
        for (int scale = -17; scale <= 18; scale++) {
          BigDecimal v = BigDecimal.valueOf(u, scale);
          for (BigDecimal[] values : new BigDecimal[][] {{v}, {v, new BigDecimal("1E-18")}}) {
            ScaledValues s = ScaledValues.of(values);
            int at = Math.max(0, values.length == 1 ? scale : 18);
            BigInteger expected = v.movePointRight(at).toBigIntegerExact();
            if (expected.bitLength() > 96) {
              assertNull(s, v.toString());
              continue;
            }
            assertNotNull(s, v.toString());
            assertEquals(at, s.scale());
            assertEquals(expected, BigInteger.valueOf(s.high()[0]).shiftLeft(64)
                .add(new BigInteger(Long.toUnsignedString(s.low()[0]))), v.toString());
            read++;
          }
        }
      }
    }
    assertTrue(read > 3000, "read " + read);
  }

  @Test
  void bitLength_isBigIntegersOfThe128BitNumber() {
    Random r = new Random(6);
    for (int trial = 0; trial < 10000; trial++) {
      BigInteger x = new BigInteger(1 + r.nextInt(127), r);
      x = r.nextBoolean() ? x.negate() : x;
      long high = x.shiftRight(64).longValue();
      long low = x.longValue();
      assertEquals(x.bitLength(), ScaledValues.bitLength(high, low), x.toString());
    }
  }

  @Test
  void total_isTheDecimalSumItself_valueAndScale() {
    // Against BigDecimal.add from zero: the same number and the same scale (BigDecimal.equals), with nulls, zeros of
    // more decimals than any other value, negative scales and unscaled values beyond a long.
    Random r = new Random(17);
    int compared = 0;
    for (int trial = 0; trial < 3000; trial++) {
      int n = r.nextInt(12);
      BigDecimal[] values = new BigDecimal[n];
      BigDecimal expected = BigDecimal.ZERO;
      for (int p = 0; p < n; p++) {
        switch (r.nextInt(6)) {
          case 0 -> values[p] = null;
          case 1 -> values[p] = BigDecimal.valueOf(0, r.nextInt(8) - 2); // a zero of -2..5 decimals
          default -> {
            BigInteger u = new BigInteger(1 + r.nextInt(r.nextBoolean() ? 30 : 80), r);
            values[p] = new BigDecimal(r.nextInt(5) == 0 ? u.negate() : u, r.nextInt(12) - 2);
          }
        }
        if (values[p] != null) {
          expected = expected.add(values[p]);
        }
      }
      ScaledValues s = ScaledValues.of(values);
      if (s == null) {
        continue; // beyond 96 bits: the table sums its decimals
      }
      assertEquals(expected, s.total(), "trial " + trial);
      compared++;
    }
    assertTrue(compared > 2000, compared + " of 3000 trials had scaled values");
  }

  @Test
  void exactLong_isTheValueAtTheScale_orThrowsBeyondALong() {
    Random r = new Random(23);
    for (int trial = 0; trial < 20000; trial++) {
      int scale = r.nextInt(ScaledValues.MAX_SCALE + 1);
      BigInteger u = new BigInteger(1 + r.nextInt(r.nextBoolean() ? 50 : 70), r);
      BigDecimal v = new BigDecimal(r.nextBoolean() ? u : u.negate(), r.nextInt(scale + 1));
      BigInteger want = v.movePointRight(scale).toBigIntegerExact();
      if (want.bitLength() > 63) {
        assertThrows(ArithmeticException.class, () -> ScaledValues.exactLong(v, scale), v + " at " + scale);
      } else {
        assertEquals(want.longValueExact(), ScaledValues.exactLong(v, scale), v + " at " + scale);
      }
    }
    assertThrows(ArithmeticException.class, () -> ScaledValues.exactLong(new BigDecimal("1.234"), 2));
    assertThrows(ArithmeticException.class, () -> ScaledValues.exactLong(new BigDecimal("1E+3"), 2));
  }
}
