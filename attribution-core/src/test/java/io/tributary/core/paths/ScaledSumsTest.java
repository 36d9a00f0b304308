package io.tributary.core.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rows summed from journeys' values as integers, against the independent truth: adding the same values as
 * {@link BigDecimal}s one by one (value and scale), and rescaling those sums exactly ({@code movePointRight}). Values
 * of mixed scales and signs, rows that sum to a zero of some scale, rows without a value, sums beyond a long.
 */
class ScaledSumsTest {
  @Test
  void sums_areTheDecimalsAddedOneByOne_andTheirScaledValues() {
    Random r = new Random(11);
    for (int trial = 0; trial < 2000; trial++) {
      int rows = 1 + r.nextInt(6);
      int scale = r.nextInt(ScaledValues.MAX_SCALE + 1);
      int bits = r.nextInt(4) == 0 ? 63 : 1 + r.nextInt(40);
      ScaledSums sums = new ScaledSums(rows, scale);
      BigDecimal[] expected = new BigDecimal[rows];
      for (int p = 0; p < rows; p++) {
        int journeys = r.nextInt(5);
        for (int j = 0; j < journeys; j++) {
          int own = r.nextInt(scale + 1);
          // A value of its own scale, given at the common one: unscaled * 10^(scale - own), kept within a long.
          BigInteger u = new BigInteger(bits, r);
          BigInteger atScale = u.multiply(BigInteger.TEN.pow(scale - own));
          if (atScale.bitLength() > 63 || u.signum() == 0) {
            continue;
          }
          boolean negative = r.nextInt(3) == 0;
          BigDecimal v = new BigDecimal(negative ? u.negate() : u, own);
          if (r.nextInt(8) == 0 && expected[p] != null) {
            v = expected[p].negate().setScale(Math.max(own, expected[p].scale())); // a refund: the row sums to zero
            if (v.signum() == 0 || v.scale() > scale
                || v.movePointRight(scale).toBigIntegerExact().bitLength() > 63) {
              continue;
            }
          }
          sums.add(p, v.movePointRight(scale).toBigIntegerExact().longValueExact(), v.scale());
          expected[p] = expected[p] == null ? v : expected[p].add(v);
        }
      }
      BigDecimal[] got = sums.decimals();
      for (int p = 0; p < rows; p++) {
        assertEquals(expected[p], got[p], "trial " + trial + " row " + p);
        if (expected[p] != null) {
          assertEquals(expected[p].scale(), got[p].scale(), "trial " + trial + " row " + p);
        }
      }
      ScaledValues want = ScaledValues.of(expected);
      ScaledValues have = sums.scaledValues();
      if (want == null) {
        assertNull(have, "trial " + trial);
        continue;
      }
      assertNotNull(have, "trial " + trial);
      assertEquals(want.scale(), have.scale(), "trial " + trial);
      assertEquals(want.sumScale(), have.sumScale(), "trial " + trial);
      for (int p = 0; p < rows; p++) {
        assertEquals(want.high()[p], have.high()[p], "trial " + trial + " row " + p);
        assertEquals(want.low()[p], have.low()[p], "trial " + trial + " row " + p);
      }
    }
  }

  @Test
  void aRowBeyondALong_isSummedExactly() {
    ScaledSums sums = new ScaledSums(2, 2);
    for (int j = 0; j < 1 << 20; j++) {
      sums.add(0, Long.MAX_VALUE, 2); // 2^20 values near 2^63: the sum needs 83 bits
    }
    sums.add(1, -150, 1);
    BigDecimal big = new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(20), 2);
    assertEquals(big, sums.decimals()[0]);
    assertEquals(new BigDecimal("-1.5"), sums.decimals()[1]);
    ScaledValues want = ScaledValues.of(sums.decimals());
    ScaledValues have = sums.scaledValues();
    assertEquals(want.scale(), have.scale());
    assertEquals(want.sumScale(), have.sumScale());
    for (int p = 0; p < 2; p++) {
      assertEquals(want.high()[p], have.high()[p]);
      assertEquals(want.low()[p], have.low()[p]);
    }
  }
}
