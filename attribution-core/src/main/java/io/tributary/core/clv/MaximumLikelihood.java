package io.tributary.core.clv;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood over positive parameters and gives the standard errors of the optimum.
 */
final class MaximumLikelihood {
  /*
   * 1. The parameters are optimised on the log scale, u = ln θ, so every trial point is positive, with Powell's
   *    BOBYQA (Commons Math) inside the box |u| <= BOUND: derivative-free, few evaluations for a handful of
   *    parameters, and a box whose edge, if reached, says the likelihood has no interior maximum.
   * 2. At its optimum the gradient g and Hessian H of -LL in u are taken by central differences (step H_STEP in u,
   *    i.e. a relative step in θ). BOBYQA stops when its steps get small, which on a likelihood that keeps rising
   *    slowly towards infinity (too few customers) is not a maximum: so the Newton decrement g' H^-1 g must be below
   *    NEWTON_DECREMENT, else BOBYQA goes on from there (at most MAX_ROUNDS rounds, then the fit fails). At the
   *    maximum the Newton step u - H^-1 g is kept if it raises the likelihood.
   * 3. Standard errors: at a maximum the gradient vanishes, so the observed information in θ is D^-1 H D^-1 with
   *    D = diag(θ), and the covariance D H^-1 D: SE(θ_i) = θ_i sqrt((H^-1)_ii). H must be positive definite; if it
   *    is not, the data do not determine the parameters and the fit fails with that message.
   * 4. From WARM_START_MIN customers on, a fit starts from the optimum of a systematic subsample of SUBSAMPLE
   *    customers and takes Newton steps with the full gradient and the subsample's Hessian scaled to the population
   *    (quasiNewton) before the check of step 2: a million customers then need about 60 likelihood evaluations, not
   *    150. The result is still the full data's maximum, checked as in step 2.
   */
  private static final double BOUND = 30;
  private static final double EDGE = 1;
  private static final double H_STEP = 1e-3;
  private static final int MAX_EVALUATIONS = 20_000;
  private static final int MAX_ROUNDS = 30;
  // BOBYQA stops at steps of 1e-6 in ln θ; the Newton step then lands within rounding of the maximum.
  private static final double STOP_RADIUS = 1e-6;
  private static final double NEWTON_DECREMENT = 1e-6;

  /** The optimum: parameters, their standard errors and the log-likelihood there. */
  record Optimum(double[] theta, double[] standardErrors, double logLikelihood, int customers,
      RealMatrix inverseHessian) {}

  private MaximumLikelihood() {}

  /**
   * From this many customers a fit starts from the fit of a systematic subsample of {@link #SUBSAMPLE} customers.
   */
  static final int WARM_START_MIN = 100_000;
  static final int SUBSAMPLE = 20_000;

  /** @return k such that every k-th of {@code customers} customers is about {@link #SUBSAMPLE} of them */
  static int step(int customers) {
    return Math.max(1, customers / SUBSAMPLE);
  }

  /**
   * @param model the model's name for messages
   * @param names the parameters' names
   * @param logLikelihood the log-likelihood at positive parameters θ
   * @param start positive starting parameters
   * @param customers the number of customers, for messages
   * @param warm the optimum of a subsample of these customers to start from, or null
   * @return the optimum
   * @throws ClvException when the maximum is on the edge of the box or the likelihood is flat there
   */
  static Optimum maximize(String model, List<String> names, ToDoubleFunction<double[]> logLikelihood, double[] start,
      int customers, Optimum warm) {
    int n = start.length;
    ToDoubleFunction<double[]> f = u -> {
      double ll = logLikelihood.applyAsDouble(exp(u));
      // The optimiser needs finite values; -LL is never this large where the likelihood is defined.
      return Double.isFinite(ll) ? -ll : 1e300;
    };
    double[] u0 = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    for (int i = 0; i < n; i++) {
      u0[i] = Math.max(-BOUND + 2 * EDGE, Math.min(BOUND - 2 * EDGE, Math.log(start[i])));
      lower[i] = -BOUND;
      upper[i] = BOUND;
    }
    double[] u = u0;
    if (warm != null) {
      u = quasiNewton(f, warm, customers);
    }
    double fu = Double.NaN;
    RealMatrix inverse = null;
    boolean converged = false;
    for (int round = 0; round < MAX_ROUNDS && !converged; round++) {
      if (round > 0 || warm == null) {
        // After a warm start, steps of about the standard errors.
        u = bobyqa(model, f, u, lower, upper, customers, warm != null ? 0.05 : 1.0);
      }
      checkInterior(model, names, u, customers);
      fu = f.applyAsDouble(u);
      double[][] h = new double[n][n];
      double[] g = derivatives(f, u, fu, h);
      inverse = inverse(model, names, h, customers);
      double[] step = inverse.operate(g);
      // Newton decrement g' H^-1 g: twice the gain a Newton step promises. At a maximum it is ~0; on a ridge rising
      // towards the box's edge it stays large, and the next round goes on from here.
      double decrement = 0;
      double[] polished = u.clone();
      for (int i = 0; i < n; i++) {
        decrement += g[i] * step[i];
        polished[i] -= step[i];
      }
      // Rounding in a sum over a million customers puts noise of about 1e-10 |LL| into the decrement.
      converged = decrement < NEWTON_DECREMENT + 1e-10 * Math.abs(fu);
      double fp = f.applyAsDouble(polished);
      if (fp < fu && converged) {
        u = polished;
        fu = fp;
      }
    }
    if (!converged) {
      throw new ClvException(model + ": the likelihood of these " + customers + " customers keeps rising without a "
          + "maximum (" + String.join(", ", names) + " drift): too little data to fit");
    }
    double[] theta = exp(u);
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      se[i] = theta[i] * Math.sqrt(inverse.getEntry(i, i));
    }
    return new Optimum(theta, se, -fu, customers, inverse);
  }

  /*
   * From a subsample's optimum: Newton steps u - H^-1 g with the full gradient g (central differences) and the
   * subsample's H scaled to the population (the information grows with the number of customers), while they lower
   * -LL. Each step costs 2n + 1 evaluations where BOBYQA would need dozens; the result is only a starting point,
   * checked like any other.
   */
  private static double[] quasiNewton(ToDoubleFunction<double[]> f, Optimum warm, int customers) {
    int n = warm.theta().length;
    RealMatrix inverse = warm.inverseHessian().scalarMultiply((double) warm.customers() / customers);
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = Math.log(warm.theta()[i]);
    }
    double fu = f.applyAsDouble(u);
    for (int iteration = 0; iteration < 10; iteration++) {
      double[] g = gradient(f, u, fu, null);
      double[] step = inverse.operate(g);
      double[] next = u.clone();
      double largest = 0;
      for (int i = 0; i < n; i++) {
        next[i] -= step[i];
        largest = Math.max(largest, Math.abs(step[i]));
      }
      double fn = f.applyAsDouble(next);
      if (!(fn < fu)) {
        break;
      }
      u = next;
      fu = fn;
      if (largest < STOP_RADIUS) {
        break;
      }
    }
    return u;
  }

  private static double[] bobyqa(String model, ToDoubleFunction<double[]> f, double[] start, double[] lower,
      double[] upper, int customers, double radius) {
    try {
      PointValuePair best = new BOBYQAOptimizer(2 * start.length + 1, radius, STOP_RADIUS).optimize(new MaxEval(MAX_EVALUATIONS),
          new ObjectiveFunction(f::applyAsDouble), GoalType.MINIMIZE, new InitialGuess(start),
          new SimpleBounds(lower, upper));
      return best.getPoint();
    } catch (MathIllegalStateException e) {
      throw new ClvException(model + ": the likelihood maximisation did not converge on " + customers
          + " customers (" + e.getMessage() + ")");
    }
  }

  private static void checkInterior(String model, List<String> names, double[] u, int customers) {
    for (int i = 0; i < u.length; i++) {
      if (u[i] < -BOUND + EDGE || u[i] > BOUND - EDGE) {
        throw new ClvException(String.format(Locale.ROOT, "%s: the likelihood of these %d customers has no maximum "
            + "with %s > 0 finite (%s tends to %s): too little data to fit", model, customers, names.get(i),
            names.get(i), u[i] < 0 ? "0" : "infinity"));
      }
    }
  }

  /*
   * The gradient of f at u (where f is fu) by central differences, 2n evaluations; when diagonal is not null, the same
   * evaluations give the Hessian's diagonal into it.
   */
  private static double[] gradient(ToDoubleFunction<double[]> f, double[] u, double fu, double[][] diagonal) {
    int n = u.length;
    double[] g = new double[n];
    double[] v = u.clone();
    for (int i = 0; i < n; i++) {
      v[i] = u[i] + H_STEP;
      double plus = f.applyAsDouble(v);
      v[i] = u[i] - H_STEP;
      double minus = f.applyAsDouble(v);
      v[i] = u[i];
      g[i] = (plus - minus) / (2 * H_STEP);
      if (diagonal != null) {
        diagonal[i][i] = (plus - 2 * fu + minus) / (H_STEP * H_STEP);
      }
    }
    return g;
  }

  /* Central differences of f at u: the gradient, returned, and the Hessian into h (1 + 2n + 2n(n-1) evaluations). */
  private static double[] derivatives(ToDoubleFunction<double[]> f, double[] u, double fu, double[][] h) {
    int n = u.length;
    double[] g = gradient(f, u, fu, h);
    double[] v = u.clone();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int si = -1; si <= 1; si += 2) {
          for (int sj = -1; sj <= 1; sj += 2) {
            v[i] = u[i] + si * H_STEP;
            v[j] = u[j] + sj * H_STEP;
            s += si * sj * f.applyAsDouble(v);
          }
        }
        v[i] = u[i];
        v[j] = u[j];
        h[i][j] = h[j][i] = s / (4 * H_STEP * H_STEP);
      }
    }
    return g;
  }

  private static RealMatrix inverse(String model, List<String> names, double[][] h, int customers) {
    for (double[] row : h) {
      for (double x : row) {
        if (!Double.isFinite(x)) {
          throw new ClvException(model + ": the likelihood of these " + customers
              + " customers is not finite near its maximum: too little data to fit");
        }
      }
    }
    try {
      return new CholeskyDecomposition(new Array2DRowRealMatrix(h), 1e-12, 1e-12).getSolver().getInverse();
    } catch (NonPositiveDefiniteMatrixException e) {
      throw new ClvException(model + ": the likelihood of these " + customers + " customers is flat at its maximum ("
          + String.join(", ", names) + " cannot all be told apart): too little data to fit");
    }
  }

  private static double[] exp(double[] u) {
    double[] t = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      t[i] = Math.exp(u[i]);
    }
    return t;
  }
}
