package io.tributary.core.model.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The long-and-binary credit sums against the independent truth: exact BigDecimal sums, rounded by BigDecimal. */
class ScaledCreditTest {
  /* Weights of the kinds rule models give: 1, 1/n, position based's 0.4 and 0.2/(n-2), tiny and odd ones. */
  private static double weight(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> 1.0;
      case 1 -> 1.0 / (1 + r.nextInt(40));
      case 2 -> 0.4;
      case 3 -> 0.2 / (1 + r.nextInt(30));
      case 4 -> Math.scalb(r.nextDouble(), -r.nextInt(80));
      default -> r.nextDouble();
    };
  }

  @Test
  void credit_isTheExactSumOfCountsAndValuesTimesWeights_roundedOnceToTheNearestDouble() {
    Random r = new Random(42);
    for (int trial = 0; trial < 2000; trial++) {
      int scale = r.nextInt(19);
      ScaledCredit sums = new ScaledCredit();
      BigDecimal conversions = BigDecimal.ZERO;
      BigDecimal value = BigDecimal.ZERO;
      int terms = 1 + r.nextInt(12);
      double[] ws = new double[1 + r.nextInt(4)];
      for (int k = 0; k < ws.length; k++) {
        ws[k] = weight(r);
      }
      for (int t = 0; t < terms; t++) {
        double w = ws[r.nextInt(ws.length)];
        long journeys = r.nextInt(3) == 0 ? r.nextInt(1_000_000) : 1 + r.nextInt(5);
        // Values from 0 to 96 bits (a path's sum of 17-digit values at scale 16 needs more than a long).
        BigInteger unscaled = r.nextInt(4) == 0 ? BigInteger.ZERO : new BigInteger(1 + r.nextInt(96), r);
        sums.add(w, journeys, unscaled.shiftRight(64).longValue(), unscaled.longValue());
        conversions = conversions.add(new BigDecimal(journeys).multiply(new BigDecimal(w)));
        value = value.add(new BigDecimal(unscaled, scale).multiply(new BigDecimal(w)));
      }
      double[] credit = sums.credit(scale);
      assertEquals(conversions.doubleValue(), credit[0], "trial " + trial);
      assertEquals(value.doubleValue(), credit[1], "trial " + trial);
    }
  }

  @Test
  void nearest_roundsHalfToEven_exactly() {
    // 2^53 + 1 lies halfway between two doubles: ties go to the even mantissa, 2^53; 2^53 + 3 goes up to 2^53 + 4.
    BigInteger twoTo53 = BigInteger.ONE.shiftLeft(53);
    assertEquals(0x1p53, ScaledCredit.nearest(twoTo53.add(BigInteger.ONE), BigInteger.ONE, 0));
    assertEquals(0x1p53 + 4, ScaledCredit.nearest(twoTo53.add(BigInteger.valueOf(3)), BigInteger.ONE, 0));
    // Just above the halfway point (the remainder of a division decides): up.
    assertEquals(0x1p53 + 2, ScaledCredit.nearest(twoTo53.add(BigInteger.ONE).multiply(BigInteger.TEN)
        .add(BigInteger.ONE), BigInteger.TEN, 0));
    assertEquals(0.1, ScaledCredit.nearest(BigInteger.ONE, BigInteger.TEN, 0));
    assertEquals(-0.3, ScaledCredit.nearest(BigInteger.valueOf(-3), BigInteger.TEN, 0));
    Random r = new Random(7);
    for (int trial = 0; trial < 5000; trial++) {
      BigInteger num = new BigInteger(1 + r.nextInt(200), r);
      int scale = r.nextInt(19);
      int twos = r.nextInt(400) - 200;
      BigDecimal exact = twos >= 0 ? new BigDecimal(num.shiftLeft(twos), scale)
          : new BigDecimal(num.multiply(BigInteger.valueOf(5).pow(-twos)), scale - twos);
      assertEquals(exact.doubleValue(), ScaledCredit.nearest(num, BigInteger.TEN.pow(scale), twos),
          "trial " + trial);
    }
  }

  @Test
  void nearest_refusesWhatIsNotANormalDouble() {
    assertThrows(ArithmeticException.class, () -> ScaledCredit.nearest(BigInteger.ONE, BigInteger.ONE, -1070));
    assertThrows(ArithmeticException.class, () -> ScaledCredit.nearest(BigInteger.ONE, BigInteger.ONE, 1100));
  }
}
