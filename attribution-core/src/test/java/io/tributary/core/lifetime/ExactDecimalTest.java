package io.tributary.core.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.model.ExactSum;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one-value shortcut of the split must give the very decimal (value and scale) an exact sum of it gives. */
class ExactDecimalTest {
  @Test
  void sameDecimalAsAnExactSumOfOneValue() {
    double[] edge = {0, Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL, 0.1, 0.5, 1, 2, 37.25, 100,
      8192, 16384, 16384.5, 32768, 49152, 1e6, 1 << 20, 123456789.125, 1e300, Double.MAX_VALUE};
    for (double d : edge) {
      check(d);
    }
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 5_000; i++) {
      check(rnd.nextDouble() * Math.pow(10, rnd.nextInt(-8, 12)));
      check(rnd.nextInt(1 << 20) * 16384.0);
      check(Double.longBitsToDouble(rnd.nextLong() & Long.MAX_VALUE));
    }
  }

  private static void check(double d) {
    if (!Double.isFinite(d)) {
      return;
    }
    ExactSum sum = new ExactSum();
    sum.add(d);
    BigDecimal expected = sum.toBigDecimal();
    BigDecimal got = ChannelLifetimeValue.exactDecimal(d);
    assertEquals(expected, got, () -> "value " + d);
    assertEquals(expected.scale(), got.scale(), () -> "scale of " + d);
  }
}
