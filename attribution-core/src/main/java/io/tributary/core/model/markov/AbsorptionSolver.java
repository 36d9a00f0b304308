package io.tributary.core.model.markov;

import java.util.Arrays;

/**
 * Expected visits of every transient state of a {@link Chain}, from (start), with some states turned into (null):
 * the linear system {@code x = b + Pᵀx} restricted to the kept states, where {@code b} is the (start) weights and
 * {@code x} is in journeys (expected visits × journeys).
 */
final class AbsorptionSolver {
  /*
   * Method.
   * 1. The transient graph is cut once into strongly connected components (Tarjan, iterative: a path of 100,000
   *    touches must not overflow the stack), in topological order. Visits of a component depend only on components
   *    before it, so the system is block lower-triangular and solved block by block; a state on no cycle is solved
   *    exactly by one substitution.
   * 2. A cyclic block of at most DENSE_LIMIT states is solved directly (Gaussian elimination with partial pivoting,
   *    DenseSystem). Order 1 and 2 over a dozen channels end here.
   * 3. A larger block (order 3: ~1,700 windows in one component) is solved by Gauss-Seidel sweeps in order of mean
   *    path position, so that a sweep follows the flow and behaves almost like forward substitution. The error after
   *    a sweep is bounded by delta·ρ/(1−ρ) (delta the largest change, ρ the observed contraction); sweeps stop when
   *    that bound is below TOLERANCE relative to the largest visit count. When the observed contraction predicts more
   *    work than a dense solve (long cyclic paths make ρ close to 1), a block of at most DENSE_MAX states is solved
   *    densely instead; a larger one keeps sweeping (Gauss-Seidel converges for every such M-matrix), and only after
   *    MAX_SWEEPS does the fit fail, saying why, rather than return an unconverged answer.
   * Removing a channel only turns states into (null) (x = 0 there), which keeps the block order valid, so the blocks
   * are computed once per chain and reused for every removal.
   */
  static final int DENSE_LIMIT = 256;
  static final double TOLERANCE = 1e-14;
  /** Largest block ever solved densely (cubic cost: 2,500 states take a few seconds); beyond, sweeps only. */
  static final int DENSE_MAX = 2_500;
  static final int RATE_WINDOW = 4;
  static final long MAX_SWEEPS = 2_000_000;

  private final Chain chain;
  private final int denseLimit;
  /** Blocks solved so far by sweeps, directly, and directly after sweeps predicted slow convergence (diagnostics). */
  private int iterated;
  private int solvedDensely;
  private int fellBack;
  /** States block by block, blocks in topological order, each block sorted by depth. */
  private final int[] order;
  /** Block b is order[blockStart[b] .. blockStart[b+1]). */
  private final int[] blockStart;
  private final int[] blockOf;

  AbsorptionSolver(Chain chain) {
    this(chain, DENSE_LIMIT);
  }

  /** @param denseLimit largest cyclic block solved directly; larger ones are iterated (tests lower it) */
  AbsorptionSolver(Chain chain, int denseLimit) {
    this.chain = chain;
    this.denseLimit = denseLimit;
    int n = chain.size();
    this.order = new int[n];
    this.blockOf = new int[n];
    this.blockStart = components(chain, order, blockOf);
    for (int b = 0; b + 1 < blockStart.length; b++) {
      sortByDepth(blockStart[b], blockStart[b + 1]);
    }
  }

  /** @return the number of strongly connected components of the transient graph */
  int blocks() {
    return blockStart.length - 1;
  }

  /** @return {iterated, solved densely, fell back to dense} block solves so far; the solver is confined to one fit */
  int[] counters() {
    return new int[] {iterated, solvedDensely, fellBack};
  }

  /**
   * @param removed states turned into (null), or null for none
   * @param warm a starting guess for the iterative blocks (visits without removal are an upper bound), or null
   * @return expected visits of each state × journeys; 0 for removed states
   */
  double[] solve(boolean[] removed, double[] warm) {
    int n = chain.size();
    double[] x = new double[n];
    int[] local = new int[n];
    for (int b = 0; b + 1 < blockStart.length; b++) {
      int from = blockStart[b];
      int to = blockStart[b + 1];
      if (to - from == 1) {
        int t = order[from];
        x[t] = removed != null && removed[t] ? 0 : inflow(t, x);
      } else if (to - from <= denseLimit) {
        solvedDensely++;
        dense(from, to, removed, x, local);
      } else if (iterate(from, to, removed, warm, x)) {
        iterated++;
      } else {
        fellBack++;
        dense(from, to, removed, x, local);
      }
    }
    return x;
  }

  private double inflow(int t, double[] x) {
    double sum = chain.startWeight[t];
    for (int e = chain.inStart[t]; e < chain.inStart[t + 1]; e++) {
      sum += x[chain.inFrom[e]] * chain.inProbability[e];
    }
    return sum;
  }

  /** Gauss-Seidel on one block; @return false when a dense solve is predicted to be cheaper */
  private boolean iterate(int from, int to, boolean[] removed, double[] warm, double[] x) {
    long edges = 0;
    for (int i = from; i < to; i++) {
      int t = order[i];
      x[t] = removed != null && removed[t] ? 0 : warm == null ? 0 : warm[t];
      edges += chain.inStart[t + 1] - chain.inStart[t] + 1;
    }
    double m = to - from;
    boolean denseAllowed = m <= DENSE_MAX;
    double denseCost = m * m * m / 3;
    double[] deltas = new double[RATE_WINDOW + 1];
    for (long sweep = 1; ; sweep++) {
      double delta = 0;
      double largest = 0;
      for (int i = from; i < to; i++) {
        int t = order[i];
        if (removed != null && removed[t]) {
          continue;
        }
        double v = inflow(t, x);
        delta = Math.max(delta, Math.abs(v - x[t]));
        largest = Math.max(largest, v);
        x[t] = v;
      }
      if (delta == 0 || delta <= Double.MIN_NORMAL) {
        return true;
      }
      // Contraction per sweep over the last RATE_WINDOW sweeps: single ratios are noisy while the flow spreads.
      deltas[(int) (sweep % deltas.length)] = delta;
      if (sweep <= RATE_WINDOW) {
        continue;
      }
      double rho = Math.pow(delta / deltas[(int) ((sweep + 1) % deltas.length)], 1.0 / RATE_WINDOW);
      if (rho < 1 && delta * rho / (1 - rho) <= TOLERANCE * largest) {
        return true;
      }
      if (denseAllowed && sweep >= 2 * RATE_WINDOW && (rho < 1 || sweep >= 64)) {
        double remaining = rho < 1 ? Math.log(TOLERANCE * largest * (1 - rho) / delta) / Math.log(rho) : 1e18;
        if (remaining * edges > denseCost) {
          return false;
        }
      }
      if (sweep >= MAX_SWEEPS) {
        throw new IllegalStateException(String.format(java.util.Locale.ROOT,
            "Markov visits did not converge in %d sweeps over a block of %d states (contraction %.9f per sweep);"
                + " the data has very long cyclic paths at a high order", sweep, to - from, rho));
      }
    }
  }

  private void dense(int from, int to, boolean[] removed, double[] x, int[] local) {
    int m = 0;
    for (int i = from; i < to; i++) {
      int t = order[i];
      if (removed != null && removed[t]) {
        x[t] = 0;
        local[t] = -1;
      } else {
        local[t] = m++;
      }
    }
    if (m == 0) {
      return;
    }
    DenseSystem system = new DenseSystem(m);
    int block = blockOf[order[from]];
    for (int i = from; i < to; i++) {
      int t = order[i];
      int row = local[t];
      if (row < 0) {
        continue;
      }
      double rhs = chain.startWeight[t];
      for (int e = chain.inStart[t]; e < chain.inStart[t + 1]; e++) {
        int s = chain.inFrom[e];
        if (blockOf[s] != block) {
          rhs += x[s] * chain.inProbability[e];
        } else if (local[s] >= 0) {
          system.add(row, local[s], -chain.inProbability[e]);
        }
      }
      system.add(row, row, 1);
      system.setRhs(row, rhs);
    }
    double[] solution = system.solve();
    for (int i = from; i < to; i++) {
      int t = order[i];
      if (local[t] >= 0) {
        x[t] = solution[local[t]];
      }
    }
  }

  private void sortByDepth(int from, int to) {
    if (to - from < 2) {
      return;
    }
    Integer[] part = new Integer[to - from];
    for (int i = from; i < to; i++) {
      part[i - from] = order[i];
    }
    Arrays.sort(part, (a, b) -> {
      int c = Double.compare(chain.depth[a], chain.depth[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    for (int i = from; i < to; i++) {
      order[i] = part[i - from];
    }
  }

  /**
   * Tarjan's strongly connected components without recursion.
   *
   * @return block boundaries; fills {@code order} block by block in topological order and {@code blockOf}
   */
  private static int[] components(Chain chain, int[] order, int[] blockOf) {
    int n = chain.size();
    int[] index = new int[n];
    Arrays.fill(index, -1);
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int stackSize = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int next = 0;
    // Tarjan emits components in reverse topological order: fill `order` from the end.
    int filled = n;
    int[] reversedStarts = new int[n + 1];
    int blocks = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = chain.outStart[root];
      index[root] = low[root] = next++;
      stack[stackSize++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callEdge[depth] < chain.outStart[v + 1]) {
          int w = chain.outTo[callEdge[depth]++];
          if (index[w] < 0) {
            index[w] = low[w] = next++;
            stack[stackSize++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = chain.outStart[w];
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack[--stackSize];
            onStack[w] = false;
            order[--filled] = w;
          } while (w != v);
          reversedStarts[blocks++] = filled;
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    // Blocks were filled from the end backwards, so in `order` they already stand in topological order.
    int[] starts = new int[blocks + 1];
    for (int b = 0; b < blocks; b++) {
      starts[b] = reversedStarts[blocks - 1 - b];
    }
    starts[blocks] = n;
    for (int b = 0; b < blocks; b++) {
      for (int i = starts[b]; i < starts[b + 1]; i++) {
        blockOf[order[i]] = b;
      }
    }
    return starts;
  }
}
