package io.tributary.core.model.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PositionWeights;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: monetary credit without binary noise. A credit that is a plain sum of input values (weight 1) must be that
 * sum, exactly as decimals add up, rounded once to a double; a share must be the exact product of the inputs and the
 * weights, rounded once. The truth is BigDecimal arithmetic on the inputs, not the model.
 */
class ExactCreditTest {
  /* 20,000 converting paths "sN > ...", values of cents, the first channel one of three, and the exact sums. */
  private static final int PATHS = 20_000;

  @Test
  void firstAndLastTouch_value_isTheExactDecimalSum() {
    PathCounts.Builder b = PathCounts.builder();
    BigDecimal[] first = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    BigDecimal lastOfZ = BigDecimal.ZERO;
    Random r = new Random(17);
    for (int i = 0; i < PATHS; i++) {
      BigDecimal v = BigDecimal.valueOf(r.nextInt(100_000), 2); // 0.00 .. 999.99
      int f = i % 3;
      b.add(Path.of("s" + f, "m" + i, "z"), 1, v, 0);
      first[f] = first[f].add(v);
      lastOfZ = lastOfZ.add(v);
    }
    PathCounts paths = b.build();
    ModelResult ft = new FirstTouch().attribute(paths);
    for (int f = 0; f < 3; f++) {
      assertEquals(first[f].doubleValue(), ft.credit("s" + f).value(), "s" + f + " exact sum " + first[f]);
    }
    assertEquals(0.0, ft.credit("z").value());
    assertEquals(lastOfZ.doubleValue(), new LastTouch().attribute(paths).credit("z").value());
    // The sums are not ones doubles happen to add up right: adding the same values as doubles drifts.
    double naive = 0;
    for (int p = 0; p < paths.size(); p++) {
      naive += paths.table().value(p).doubleValue();
    }
    assertNotEquals(lastOfZ.doubleValue(), naive, "the data must show the noise it guards against");
  }

  @Test
  void issueCase_aMillionInCents_isWrittenAsTheInputAddsUp() {
    // 1082173.56 as 108,217,356 cents over 9,999 paths of 108.21 and one of the rest.
    PathCounts.Builder b = PathCounts.builder();
    BigDecimal each = new BigDecimal("108.21");
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < 9_999; i++) {
      b.add(Path.of("search", "x" + i), 1, each, 0);
      total = total.add(each);
    }
    BigDecimal rest = new BigDecimal("1082173.56").subtract(total);
    b.add(Path.of("search"), 1, rest, 0);
    assertEquals(1082173.56, new FirstTouch().attribute(b.build()).credit("search").value());
  }

  @Test
  void shares_areTheExactProductRoundedOnce() {
    // Linear over 2 and 4 touches (weights 1/2, 1/4 are exact binary fractions): every share is an exact decimal.
    PathCounts paths = PathCounts.builder()
        .add(Path.of("a", "b"), 3, new BigDecimal("0.30"), 0)
        .add(Path.of("a", "b", "c", "a"), 1, new BigDecimal("0.10"), 0)
        .add(Path.of("c", "a"), 1, new BigDecimal("0.70"), 0)
        .build();
    ModelResult lin = new Linear().attribute(paths);
    // a: 0.30/2 + 2 * 0.10/4 + 0.70/2 = 0.15 + 0.05 + 0.35 = 0.55 (summing doubles gives 0.5499999999999999)
    assertEquals(0.55, lin.credit("a").value());
    assertEquals(0.175, lin.credit("b").value());
    assertEquals(0.375, lin.credit("c").value());
    assertEquals(2.5, lin.credit("a").conversions()); // 3/2 + 2 * 1/4 + 1/2
    assertEquals(1.75, lin.credit("b").conversions());
    assertEquals(0.75, lin.credit("c").conversions());
    // Position based: 40/20/40 of 300 over five touches, middle 20 % split in three, as exact products rounded once.
    ModelResult pb = new PositionBased(PositionWeights.U)
        .attribute(PathCounts.builder().add(Path.of("a", "b", "c", "b", "d"), 1, new BigDecimal("300"), 0).build());
    assertEquals(new BigDecimal("300").multiply(new BigDecimal(0.4)).doubleValue(), pb.credit("a").value());
    assertEquals(120.0, pb.credit("a").value());
  }
}
