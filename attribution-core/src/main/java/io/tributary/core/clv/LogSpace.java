package io.tributary.core.clv;

/** Sums and ratios of quantities held as logarithms, without overflow. */
final class LogSpace {
  private LogSpace() {}

  /** @return ln(e^u + e^v) */
  static double sumExp(double u, double v) {
    double m = Math.max(u, v);
    return m + Math.log1p(Math.exp(-Math.abs(u - v)));
  }

  /** @return 1 / (1 + e^{-k}), in (0, 1] for finite k */
  static double logistic(double k) {
    if (k >= 0) {
      return 1 / (1 + Math.exp(-k));
    }
    double e = Math.exp(k);
    return e / (1 + e);
  }
}
