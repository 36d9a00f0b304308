package io.tributary.core.model.shapley;

import io.tributary.core.Internal;

/**
 * Exact Shapley values of a cooperative game given densely, by way of its Harsanyi dividends: O(n·2^n) time and
 * 2^n doubles of memory, so meant for n up to about 26.
 *
 * <p>A game on players {@code 0..n-1} is an array {@code v} of length 2^n, {@code v[mask]} the worth of the coalition
 * whose members are the set bits of {@code mask}.
 */
@Internal
public final class HarsanyiShapley {
  /** Largest game accepted: 2^26 doubles are 512 MiB. */
  public static final int MAX_PLAYERS = 26;

  /*
   * 1. The dividends d are the Möbius transform of v, d(T) = Σ_{U ⊆ T} (−1)^{|T|−|U|} v(U), computed in place one
   *    player at a time (for each bit, subtract the value of the coalition without it): n passes over 2^n entries.
   * 2. v is the sum over T of d(T) times the unanimity game of T, whose Shapley value gives 1/|T| to each member, so
   *    φ_c = Σ_{T ∋ c} d(T)/|T|; one more pass per player. Efficiency: Σ_c φ_c = Σ_{T ≠ ∅} d(T) = v(N) − v(∅).
   */

  private HarsanyiShapley() {}

  /**
   * @param v the game, length 2^n with {@code 1 <= n <= 26}; not changed
   * @return the Harsanyi dividends, indexed like {@code v}
   * @throws IllegalArgumentException when the length is not such a power of two
   */
  public static double[] dividends(double[] v) {
    int n = players(v);
    double[] d = v.clone();
    for (int i = 0; i < n; i++) {
      int bit = 1 << i;
      for (int mask = 0; mask < d.length; mask++) {
        if ((mask & bit) != 0) {
          d[mask] -= d[mask ^ bit];
        }
      }
    }
    return d;
  }

  /**
   * @param v the game, length 2^n with {@code 1 <= n <= 26}; not changed
   * @return the Shapley value of each player {@code 0..n-1}; they sum to {@code v[2^n-1] - v[0]}
   * @throws IllegalArgumentException when the length is not such a power of two
   */
  public static double[] values(double[] v) {
    int n = players(v);
    double[] perMember = dividends(v);
    perMember[0] = 0;
    for (int mask = 1; mask < perMember.length; mask++) {
      perMember[mask] /= Integer.bitCount(mask);
    }
    double[] phi = new double[n];
    for (int c = 0; c < n; c++) {
      int bit = 1 << c;
      double s = 0;
      for (int mask = bit; mask < perMember.length; mask = (mask + 1) | bit) {
        s += perMember[mask];
      }
      phi[c] = s;
    }
    return phi;
  }

  private static int players(double[] v) {
    int len = v.length;
    if (len < 2 || Integer.bitCount(len) != 1 || Integer.numberOfTrailingZeros(len) > MAX_PLAYERS) {
      throw new IllegalArgumentException(
          "a game on n players has 2^n worths, 1 <= n <= " + MAX_PLAYERS + "; got " + len);
    }
    return Integer.numberOfTrailingZeros(len);
  }
}
