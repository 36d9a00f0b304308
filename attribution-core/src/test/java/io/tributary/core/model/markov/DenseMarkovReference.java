package io.tributary.core.model.markov;

import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * An independent, deliberately simple implementation of SPEC's Markov removal effects for small inputs: states are
 * lists of channel names in a hash map, the chain is a dense matrix, and absorption probabilities come from the
 * backward equations h = (I − Q)⁻¹ r solved by Commons Math's LU (the production code solves the forward equations
 * for visits with its own block solver). Removal deletes the removed states' rows and columns from Q, so a transition
 * into them leaks to (null).
 */
final class DenseMarkovReference {
  /** Removal effects and credits per channel (name order), and P(conv), E[value]. */
  record Answer(List<String> channels, double p, double ev, double[] effect, double[] valueEffect,
      double[] credit, double[] valueCredit, Map<String, Double> transitions) {}

  private DenseMarkovReference() {}

  static Answer fit(PathCounts counts, int order) {
    Map<List<String>, Integer> ids = new HashMap<>();
    List<List<String>> states = new ArrayList<>();
    Map<Long, Double> weight = new HashMap<>();
    List<Double> start = new ArrayList<>();
    List<Double> conv = new ArrayList<>();
    List<Double> nul = new ArrayList<>();
    List<Double> val = new ArrayList<>();
    double journeys = 0;
    double conversions = 0;
    double value = 0;
    TreeSet<String> channels = new TreeSet<>();
    for (Map.Entry<Path, PathStats> e : counts.byPath().entrySet()) {
      List<String> path = e.getKey().channels();
      channels.addAll(path);
      PathStats s = e.getValue();
      double n = s.conversions() + s.nulls();
      journeys += n;
      conversions += s.conversions();
      value += s.value().doubleValue();
      List<List<String>> seq = new ArrayList<>();
      if (path.size() < order) {
        seq.add(path);
      } else {
        for (int i = 0; i + order <= path.size(); i++) {
          List<String> w = path.subList(i, i + order);
          if (seq.isEmpty() || !seq.get(seq.size() - 1).equals(w)) {
            seq.add(w);
          }
        }
      }
      int prev = -1;
      for (List<String> w : seq) {
        Integer id = ids.get(w);
        if (id == null) {
          id = states.size();
          ids.put(List.copyOf(w), id);
          states.add(List.copyOf(w));
          start.add(0.0);
          conv.add(0.0);
          nul.add(0.0);
          val.add(0.0);
        }
        if (prev < 0) {
          start.set(id, start.get(id) + n);
        } else {
          weight.merge(((long) prev << 32) | id, n, Double::sum);
        }
        prev = id;
      }
      conv.set(prev, conv.get(prev) + s.conversions());
      nul.set(prev, nul.get(prev) + s.nulls());
      val.set(prev, val.get(prev) + s.value().doubleValue());
    }
    int m = states.size();
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      out[i] = conv.get(i) + nul.get(i);
    }
    weight.forEach((key, w) -> out[(int) (key >>> 32)] += w);
    List<String> names = new ArrayList<>(channels);
    int c = names.size();
    double p = absorb(states, weight, start, conv, out, journeys, null);
    double ev = absorb(states, weight, start, val, out, journeys, null);
    double[] effect = new double[c];
    double[] valueEffect = new double[c];
    double sum = 0;
    double valueSum = 0;
    for (int k = 0; k < c; k++) {
      String removed = names.get(k);
      effect[k] = p == 0 ? 0 : 1 - absorb(states, weight, start, conv, out, journeys, removed) / p;
      valueEffect[k] = ev == 0 ? 0 : 1 - absorb(states, weight, start, val, out, journeys, removed) / ev;
      sum += effect[k];
      valueSum += valueEffect[k];
    }
    double[] credit = new double[c];
    double[] valueCredit = new double[c];
    for (int k = 0; k < c; k++) {
      credit[k] = sum == 0 ? 0 : conversions * effect[k] / sum;
      valueCredit[k] = valueSum == 0 ? 0 : value * valueEffect[k] / valueSum;
    }
    Map<String, Double> transitions = new HashMap<>();
    for (int i = 0; i < m; i++) {
      String label = String.join(" > ", states.get(i));
      if (start.get(i) > 0) {
        transitions.put("(start) -> " + label, start.get(i));
      }
      if (conv.get(i) > 0) {
        transitions.put(label + " -> (conversion)", conv.get(i));
      }
      if (nul.get(i) > 0) {
        transitions.put(label + " -> (null)", nul.get(i));
      }
    }
    weight.forEach((key, w) -> transitions.put(String.join(" > ", states.get((int) (key >>> 32))) + " -> "
        + String.join(" > ", states.get((int) (long) key)), w));
    return new Answer(names, p, ev, effect, valueEffect, credit, valueCredit, transitions);
  }

  /** @return Σ_s P(start → s) h(s), h = (I − Q)⁻¹ (reward / outflow) over the states without {@code removed} */
  private static double absorb(List<List<String>> states, Map<Long, Double> weight, List<Double> start,
      List<Double> reward, double[] out, double journeys, String removed) {
    List<Integer> kept = new ArrayList<>();
    int[] local = new int[states.size()];
    for (int i = 0; i < states.size(); i++) {
      local[i] = -1;
      if (removed == null || !states.get(i).contains(removed)) {
        local[i] = kept.size();
        kept.add(i);
      }
    }
    int m = kept.size();
    if (m == 0) {
      return 0;
    }
    RealMatrix a = MatrixUtils.createRealIdentityMatrix(m);
    RealVector r = new ArrayRealVector(m);
    for (int i = 0; i < m; i++) {
      r.setEntry(i, reward.get(kept.get(i)) / out[kept.get(i)]);
    }
    weight.forEach((key, w) -> {
      int from = local[(int) (key >>> 32)];
      int to = local[(int) (long) key];
      if (from >= 0 && to >= 0) {
        a.addToEntry(from, to, -w / out[kept.get(from)]);
      }
    });
    RealVector h = new LUDecomposition(a).getSolver().solve(r);
    double total = 0;
    for (int i = 0; i < m; i++) {
      total += start.get(kept.get(i)) / journeys * h.getEntry(i);
    }
    return total;
  }
}
