package io.tributary.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An exact, order-independent sum of non-negative doubles: every double is an integer times a power of two, so it is
 * added as 32-bit pieces into slots of fixed binary weight, with no rounding at all. The result does not depend on
 * the order of additions or merges, which lets every engine and partitioning produce the same bits — at a few
 * nanoseconds per addition instead of a {@link BigDecimal} addition.
 *
 * <p>Not thread-safe; one per accumulator.
 */
public final class ExactSum {
  /*
   * A finite double d >= 0 is m * 2^e with m < 2^53 and e >= -1074. With shift = e + 1074 (0..2045), slot s =
   * shift / 32 and offset o = shift % 32, m * 2^o < 2^85 spans at most three 32-bit pieces, added into slots s, s+1,
   * s+2; slot i weighs 2^(32 i - 1074). A piece is < 2^32, so a slot cannot overflow before 2^31 additions; carries
   * are propagated every 2^30 additions and before reading.
   */
  private static final int SLOTS = 70;
  private static final long MASK = 0xFFFF_FFFFL;
  private static final int CARRY_EVERY = 1 << 30;
  private static final long[] NONE = new long[0];

  /*
   * Only the slots [base, base + slots.length) are held, every other one is 0: the doubles a sum meets span a few
   * slots of the 70 (touch weights in (2^-30, 1], values times them), so the window is a cache line or two instead
   * of 560 bytes. A segmented fold holds one pair of sums per cell, touchpoint and journey model (30 cells x 96
   * campaigns: 5,760), and folding into the full arrays missed the cache on most touches (benchmarks/results/
   * segments.md, 2026-12-06). The window only widens, when an addition or a carry needs a slot outside it.
   */
  private long[] slots = NONE;
  private int base;
  private int pending;

  /** Adds {@code d}, which must be finite and {@code >= 0}. */
  public void add(double d) {
    if (!(d >= 0) || d == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("exact sum takes finite values >= 0, got " + d);
    }
    if (d == 0) {
      return;
    }
    long bits = Double.doubleToRawLongBits(d);
    int exponent = (int) (bits >>> 52) & 0x7FF;
    long m = bits & 0x000F_FFFF_FFFF_FFFFL;
    if (exponent != 0) {
      m |= 1L << 52;
    } else {
      exponent = 1;
    }
    int shift = exponent - 1;
    int s = shift >>> 5;
    int o = shift & 31;
    long lo = m << o;
    long hi = o == 0 ? 0 : m >>> (64 - o);
    int i = s - base;
    if (i < 0 || i + 3 > slots.length) {
      widen(s, s + 3);
      i = s - base;
    }
    long[] held = slots;
    held[i] += lo & MASK;
    held[i + 1] += lo >>> 32;
    held[i + 2] += hi;
    if (++pending == CARRY_EVERY) {
      carry();
    }
  }

  /* Makes the window hold the slots [from, to) too, with a slot to spare on each side (within the 70). */
  private void widen(int from, int to) {
    int lo = slots.length == 0 ? from : Math.min(base, from);
    int hi = slots.length == 0 ? to : Math.max(base + slots.length, to);
    lo = Math.max(0, lo - 1);
    hi = Math.min(SLOTS, hi + 1);
    long[] wider = new long[hi - lo];
    if (slots.length > 0) {
      System.arraycopy(slots, 0, wider, base - lo, slots.length);
    }
    slots = wider;
    base = lo;
  }

  /**
   * Adds every addition of {@code other} to this. {@code other} is read, never changed, so several threads may add
   * the same sum into sums of their own.
   */
  public void addAll(ExactSum other) {
    // After carry() this slot is < 2^32 and other's < 2^62 (at most 2^30 pieces below 2^32 each since its last
    // carry), so the slot-wise sum cannot overflow before the carry below.
    carry();
    long[] theirs = other.slots;
    if (theirs.length == 0) {
      return;
    }
    int from = other.base;
    if (from < base || from + theirs.length > base + slots.length || slots.length == 0) {
      widen(from, from + theirs.length);
    }
    int at = from - base;
    for (int i = 0; i < theirs.length; i++) {
      slots[at + i] += theirs[i];
    }
    carry();
  }

  /*
   * Moves every slot's bits above 32 into the next slot, widening the window upwards when its top slot has some; the
   * top slot of all (69) keeps them, as no sum of doubles reaches it.
   */
  private void carry() {
    pending = 0;
    for (int i = 0; i < slots.length; i++) {
      long up = slots[i] >>> 32;
      if (up == 0) {
        continue;
      }
      if (i == slots.length - 1) {
        if (base + i == SLOTS - 1) {
          return;
        }
        slots = Arrays.copyOf(slots, slots.length + 1);
      }
      slots[i + 1] += up;
      slots[i] &= MASK;
    }
  }

  /**
   * @return the exact sum as a decimal (every binary fraction has a finite decimal expansion): an integer of scale 0
   *     when the lowest nonzero slot weighs at least 1, otherwise with trailing zeros stripped
   */
  public BigDecimal toBigDecimal() {
    carry();
    int low = 0;
    while (low < slots.length && slots[low] == 0) {
      low++;
    }
    if (low == slots.length) {
      return BigDecimal.ZERO;
    }
    int high = slots.length - 1;
    while (slots[high] == 0) {
      high--;
    }
    // Only the slots low..high, as one magnitude (a fold's sums span a few slots of the 70).
    byte[] magnitude = new byte[4 * (high - low + 1)];
    for (int i = high, b = 0; i >= low; i--, b += 4) {
      long slot = slots[i];
      magnitude[b] = (byte) (slot >>> 24);
      magnitude[b + 1] = (byte) (slot >>> 16);
      magnitude[b + 2] = (byte) (slot >>> 8);
      magnitude[b + 3] = (byte) slot;
    }
    BigInteger total = new BigInteger(1, magnitude);
    if (slots[high] >>> 32 != 0) {
      // Only the top slot can exceed 32 bits after carry() (no sum of doubles reaches it); add it whole.
      total = total.add(BigInteger.valueOf(slots[high] >>> 32).shiftLeft(32 * (high - low + 1)));
    }
    int exponent = 32 * (base + low) - 1074;
    if (exponent >= 0) {
      return new BigDecimal(total.shiftLeft(exponent));
    }
    // total * 2^exponent = total * 5^-exponent / 10^-exponent, exactly. With total made odd first, total * 5^k is odd,
    // so it has no trailing decimal zero: the stripped form, without stripTrailingZeros' trial divisions (a segmented
    // fold converts hundreds of thousands of sums).
    int twos = total.getLowestSetBit();
    int k = -exponent - twos;
    if (k <= 0) {
      // A whole number: its stripped form may have a negative scale (1000 is 1E+3), as stripTrailingZeros gives it.
      return new BigDecimal(total.shiftRight(-exponent)).stripTrailingZeros();
    }
    return new BigDecimal(total.shiftRight(twos).multiply(fivePower(k)), k);
  }

  /* 5^k for k in 1..1074+, made once each: a sum's scale is one of about 1,100 values. */
  private static final BigInteger[] FIVES = new BigInteger[1200];

  private static BigInteger fivePower(int k) {
    if (k >= FIVES.length) {
      return BigInteger.valueOf(5).pow(k);
    }
    BigInteger f = FIVES[k];
    if (f == null) {
      // Racy but benign: BigInteger is immutable, any thread computes the same value.
      f = BigInteger.valueOf(5).pow(k);
      FIVES[k] = f;
    }
    return f;
  }
}
