package io.tributary.core.model.markov;

/**
 * A small dense linear system {@code A x = b}, solved by Gaussian elimination with partial pivoting. Used for the
 * cyclic blocks of a chain, where {@code A = I − Pᵀ} restricted to the block is a nonsingular M-matrix (every state
 * reaches absorption), so elimination is stable.
 */
final class DenseSystem {
  private final int n;
  private final double[] a;
  private final double[] b;

  DenseSystem(int n) {
    this.n = n;
    this.a = new double[n * n];
    this.b = new double[n];
  }

  void add(int row, int column, double v) {
    a[row * n + column] += v;
  }

  void setRhs(int row, double v) {
    b[row] = v;
  }

  /** @return the solution; the system is consumed */
  double[] solve() {
    for (int k = 0; k < n; k++) {
      int pivot = k;
      double best = Math.abs(a[k * n + k]);
      for (int i = k + 1; i < n; i++) {
        double v = Math.abs(a[i * n + k]);
        if (v > best) {
          best = v;
          pivot = i;
        }
      }
      if (best == 0) {
        throw new IllegalStateException("singular Markov block of " + n + " states (a state never absorbs: a bug)");
      }
      if (pivot != k) {
        swapRows(k, pivot);
      }
      double diagonal = a[k * n + k];
      for (int i = k + 1; i < n; i++) {
        double f = a[i * n + k] / diagonal;
        if (f == 0) {
          continue;
        }
        a[i * n + k] = 0;
        int ri = i * n;
        int rk = k * n;
        for (int j = k + 1; j < n; j++) {
          a[ri + j] -= f * a[rk + j];
        }
        b[i] -= f * b[k];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      int ri = i * n;
      for (int j = i + 1; j < n; j++) {
        s -= a[ri + j] * x[j];
      }
      x[i] = s / a[ri + i];
    }
    return x;
  }

  private void swapRows(int r1, int r2) {
    for (int j = 0; j < n; j++) {
      double t = a[r1 * n + j];
      a[r1 * n + j] = a[r2 * n + j];
      a[r2 * n + j] = t;
    }
    double t = b[r1];
    b[r1] = b[r2];
    b[r2] = t;
  }
}
