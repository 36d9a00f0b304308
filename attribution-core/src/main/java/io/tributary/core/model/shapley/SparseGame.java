package io.tributary.core.model.shapley;

/**
 * Exact Shapley values of a game on {@code n} players that is zero except on a few coalitions, in time proportional
 * to the total size of those coalitions: no 2^n anywhere.
 *
 * <p>Used by {@code shapley}, whose per-set game v(T) = CR(T) is non-zero only on channel sets seen in the data.
 */
final class SparseGame {
  /*
   * A game non-zero on coalitions U_1..U_m is Σ_j v(U_j)·e_{U_j}, where e_U(T) = 1 if T = U else 0. Shapley values are
   * linear, and for e_U (u = |U| < n) the permutation definition gives:
   *   c ∈ U: c's marginal is +1 only when the players before it are exactly U \ {c}: weight a_u = (u−1)!(n−u)!/n!;
   *   c ∉ U: c's marginal is −1 only when the players before it are exactly U:       weight b_u = u!(n−u−1)!/n!.
   * So φ_c = Σ_{U ∋ c} v(U)(a_u + b_u) − Σ_{U ≠ N} v(U)·b_u, where a_u + b_u = (u−1)!(n−u−1)!/(n−1)!, and for U = N
   * each player gets v(N)/n. The same follows from the Harsanyi route: e_U has dividends (−1)^{|T|−u} on every T ⊇ U,
   * and Σ_{T ⊇ U, T ∋ c} (−1)^{|T|−u}/|T| sums to the weights above; SparseGameTest checks both against brute force.
   */

  private final int n;
  /** a_u + b_u per size u (u < n), and 1/n at u = n. */
  private final double[] member;
  /** b_u per size u (u < n), 0 at u = n. */
  private final double[] outsider;
  private final double[] phi;
  private double common;

  /** @param n the number of players, {@code >= 1} */
  SparseGame(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a game needs at least one player, got " + n);
    }
    this.n = n;
    member = new double[n + 1];
    outsider = new double[n + 1];
    for (int u = 1; u < n; u++) {
      double binom = binomial(n, u);
      double a = 1.0 / (u * binom);
      double b = 1.0 / ((n - u) * binom);
      member[u] = a + b;
      outsider[u] = b;
    }
    member[n] = 1.0 / n;
    phi = new double[n];
  }

  /**
   * Adds the worth of one coalition; each coalition is added at most once.
   *
   * @param members the coalition's players, distinct, each in {@code 0..n-1}
   * @param worth its worth
   */
  void add(int[] members, int count, double worth) {
    if (worth == 0) {
      return;
    }
    double w = worth * member[count];
    for (int i = 0; i < count; i++) {
      phi[members[i]] += w;
    }
    common += worth * outsider[count];
  }

  /** @return the Shapley value of each player */
  double[] values() {
    double[] out = new double[n];
    for (int c = 0; c < n; c++) {
      out[c] = phi[c] - common;
    }
    return out;
  }

  /** @return C(n, k) as a double, exact while it stays below 2^53 (n up to 55) */
  static double binomial(int n, int k) {
    int m = Math.min(k, n - k);
    double c = 1;
    for (int i = 1; i <= m; i++) {
      c = c * (n - m + i) / i;
    }
    return c;
  }
}
