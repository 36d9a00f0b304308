package io.tributary.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  /** The independent truth: BigDecimal holds every double exactly. */
  private static BigDecimal reference(List<Double> xs) {
    BigDecimal s = BigDecimal.ZERO;
    for (double x : xs) {
      s = s.add(new BigDecimal(x));
    }
    return s;
  }

  private static List<Double> wild(long seed, int n) {
    Random r = new Random(seed);
    List<Double> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(6)) {
        case 0 -> xs.add(r.nextDouble());
        case 1 -> xs.add(Math.scalb(r.nextDouble(), r.nextInt(2000) - 1000));
        case 2 -> xs.add(Double.MIN_VALUE * r.nextInt(1000));
        case 3 -> xs.add(Math.scalb(1.0, -1074 + r.nextInt(60)));
        case 4 -> xs.add(Double.MAX_VALUE / (1 + r.nextInt(4)));
        default -> xs.add((double) r.nextInt(1_000_000));
      }
    }
    return xs;
  }

  @Test
  void toBigDecimal_equalsTheExactSum_overTheWholeDoubleRange() {
    for (long seed = 1; seed <= 20; seed++) {
      List<Double> xs = wild(seed, 500);
      ExactSum s = new ExactSum();
      xs.forEach(s::add);
      assertEquals(0, reference(xs).compareTo(s.toBigDecimal()), "seed " + seed);
    }
  }

  @Test
  void toBigDecimal_isTheStrippedDecimal_orAScaleZeroInteger_whenTheLowestSlotWeighsAtLeastOne() {
    // The representation (scale included) is part of the contract: values are written and compared as decimals.
    Random r = new Random(17);
    for (int trial = 0; trial < 300; trial++) {
      List<Double> xs = new ArrayList<>();
      int n = 1 + r.nextInt(20);
      int kind = trial % 4;
      for (int i = 0; i < n; i++) {
        switch (kind) {
          case 0 -> xs.add(r.nextInt(100_000) / 100.0); // money with cents, not representable in binary
          case 1 -> xs.add((double) (r.nextInt(100) * 10)); // whole numbers with decimal zeros: 1E+3 when stripped
          case 2 -> xs.add(Math.scalb((double) r.nextInt(1000), 20 + r.nextInt(30))); // multiples of 2^20 and up
          default -> xs.add(Math.scalb(r.nextDouble(), -r.nextInt(1000)));
        }
      }
      ExactSum s = new ExactSum();
      xs.forEach(s::add);
      BigDecimal exact = reference(xs);
      // Kind 2: every addend is a multiple of 2^20, so the lowest nonzero slot weighs at least 2^14 (slots weigh
      // 2^(32 i - 1074)): a plain integer of scale 0. Otherwise the lowest slot weighs less than 1: stripped.
      BigDecimal expected = exact.signum() == 0 ? BigDecimal.ZERO
          : kind == 2 ? exact.setScale(0) : exact.stripTrailingZeros();
      assertEquals(expected, s.toBigDecimal(), "trial " + trial + " " + xs);
    }
  }

  @Test
  void anyOrderAndAnySplit_giveTheSameBits() {
    List<Double> xs = wild(99, 2000);
    ExactSum whole = new ExactSum();
    xs.forEach(whole::add);
    BigDecimal expected = whole.toBigDecimal();
    Random r = new Random(5);
    for (int trial = 0; trial < 10; trial++) {
      List<Double> shuffled = new ArrayList<>(xs);
      Collections.shuffle(shuffled, r);
      ExactSum left = new ExactSum();
      ExactSum right = new ExactSum();
      int cut = r.nextInt(shuffled.size());
      shuffled.subList(0, cut).forEach(left::add);
      shuffled.subList(cut, shuffled.size()).forEach(right::add);
      right.addAll(left);
      assertEquals(expected, right.toBigDecimal());
    }
  }

  @Test
  void sumsHeldInFewSlots_widenDownUpAndOnCarries_andMergeAcrossDistantSlots() {
    // A sum holds only the slots its doubles reach (a window), widened as needed: small values after large ones
    // (down), large after small (up), a carry out of the window's top slot (up again), and merges of windows far
    // apart. Each is the exact sum, as a BigDecimal adds it.
    List<Double> tiny = new ArrayList<>();
    List<Double> huge = new ArrayList<>();
    List<Double> carrying = new ArrayList<>();
    for (int i = 1; i <= 3000; i++) {
      tiny.add(Math.scalb((double) i, -1070));
      huge.add(Double.MAX_VALUE / i);
      carrying.add(Math.scalb((double) ((1L << 53) - i), -20)); // all 53 bits set or nearly: carries on every add
    }
    ExactSum down = new ExactSum();
    huge.forEach(down::add);
    tiny.forEach(down::add);
    ExactSum up = new ExactSum();
    tiny.forEach(up::add);
    huge.forEach(up::add);
    List<Double> both = new ArrayList<>(tiny);
    both.addAll(huge);
    assertEquals(0, reference(both).compareTo(down.toBigDecimal()));
    assertEquals(down.toBigDecimal(), up.toBigDecimal());

    ExactSum carry = new ExactSum();
    carrying.forEach(carry::add);
    assertEquals(0, reference(carrying).compareTo(carry.toBigDecimal()));

    ExactSum merged = new ExactSum();
    ExactSum small = new ExactSum();
    tiny.forEach(small::add);
    ExactSum large = new ExactSum();
    huge.forEach(large::add);
    merged.addAll(small);
    merged.addAll(carry);
    merged.addAll(large);
    merged.addAll(new ExactSum());
    List<Double> all = new ArrayList<>(both);
    all.addAll(carrying);
    assertEquals(0, reference(all).compareTo(merged.toBigDecimal()));
    // Merging never changes the sum merged in, which may be read by several threads.
    assertEquals(0, reference(tiny).compareTo(small.toBigDecimal()));
  }

  @Test
  void tenthsThatDoublesCannotHold_sumExactlyAsTheirBinaryValues() {
    ExactSum s = new ExactSum();
    for (int i = 0; i < 10; i++) {
      s.add(0.1);
    }
    assertEquals(0, new BigDecimal(0.1).multiply(BigDecimal.TEN).compareTo(s.toBigDecimal()));
    assertEquals(1.0, s.toBigDecimal().doubleValue(), 0);
    assertEquals(BigDecimal.ZERO, new ExactSum().toBigDecimal());
  }

  @Test
  void add_negativeOrNotFinite_isRefused() {
    ExactSum s = new ExactSum();
    assertThrows(IllegalArgumentException.class, () -> s.add(-1));
    assertThrows(IllegalArgumentException.class, () -> s.add(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> s.add(Double.POSITIVE_INFINITY));
  }
}
