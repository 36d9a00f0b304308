package io.tributary.core.model.markov;

import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.PathModel;
import io.tributary.core.model.PathValues;
import io.tributary.core.model.Revaluable;
import io.tributary.core.paths.PathCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code markov}: the removal-effect model on an absorbing Markov chain of order k, computed exactly (see SPEC).
 *
 * <p>States are (start), the windows of k consecutive channels of each path (the whole path when shorter than k),
 * consecutive identical states collapsed, (conversion) and (null); transitions are weighted by the journeys
 * (conversions + nulls) of each path. The removal effect of channel c is RE_c = 1 − P(conv | c removed) / P(conv),
 * where removing c sends every transition into a state containing c to (null); channel c is credited
 * conversions × RE_c / ΣRE. Value likewise with E[value] = Σ_s visits(s) × value(s) / outflow(s), where value(s) is
 * the value of the conversions whose path ends in s.
 *
 * <p>Edge cases: without conversions P(conv) = 0 and every removal effect and credit is 0 (nothing to credit); without
 * value every value effect and value credit is 0. A channel none of whose states can reach (conversion) has removal
 * effect exactly 0. Note that the chain is memoryless: a channel seen only on non-converting paths still gets a
 * positive removal effect when its states lead into states from which other journeys converted. Data without nulls
 * (P(conv) = 1), a single channel (RE = 1, all credit) and paths of any length (one pass, no recursion) are handled.
 *
 * <p>Immutable and thread-safe.
 */
public final class MarkovModel implements Revaluable {
  /*
   * Exactness. Visits are solved, never simulated (AbsorptionSolver): block-triangular order of the strongly
   * connected components, direct elimination of small cyclic blocks, Gauss-Seidel to 1e-14 on large ones.
   * Consistency. With x(s) = journeys through s (the flow), x = b + Pᵀx holds exactly, since every path entering a
   * state leaves it; so the chain's P(conv) = Σ conversions(s)/journeys = the empirical conversion rate, at every
   * order, and E[value] = value / journeys. fit() solves the baseline from zero and checks both to 1e-9: a cheap
   * end-to-end test of the solver on the actual data.
   * Removals. On a chain of at most RemovalUpdate.LIMIT states, read off one factorisation (RemovalUpdate); on a
   * larger one, one solve per channel, warm-started from the baseline (an upper bound). Skipped when none of the
   * channel's states can reach a state with conversions (RE exactly 0 then).
   */
  private static final double CONSISTENCY_TOLERANCE = 1e-9;

  private final int order;

  /**
   * @param order the chain order k, {@code >= 1} (SPEC default 1)
   * @throws IllegalArgumentException for an order below 1
   */
  public MarkovModel(int order) {
    if (order < 1) {
      throw new IllegalArgumentException("Markov order must be >= 1, got " + order);
    }
    this.order = order;
  }

  @Override
  public String name() {
    return "markov";
  }

  /** @return the chain order k */
  public int order() {
    return order;
  }

  /*
   * The chain of the last paths this model was fitted on, with each path's end state: lifetime value by channel
   * refits the model on the same journeys with other values (attributeRevalued), and the chain depends on the journeys
   * alone, so that refit reads the chain the run's fit built instead of building it again. Paths are recognised by
   * identity and held weakly; the first caller builds, a caller on the same paths meanwhile waits for that build.
   */
  private final Object lastLock = new Object();
  private java.lang.ref.WeakReference<PathCounts> lastCounts = new java.lang.ref.WeakReference<>(null);
  private java.util.concurrent.FutureTask<Built> last;

  private record Built(Chain chain, int[] endState) {}

  @Override
  public ModelResult attribute(PathCounts counts) {
    return fit(counts).result();
  }

  /**
   * Fits the chain and computes every removal effect.
   *
   * @param counts distinct paths; may be empty (then no states and no credit)
   * @return the fitted chain, its removal effects and the credit of every channel in the data
   * @throws IllegalArgumentException for a path with neither conversions nor nulls
   */
  public MarkovFit fit(PathCounts counts) {
    return fit(built(counts).chain());
  }

  /* The chain of counts: the last one built when it was built on these very paths (see lastLock). */
  private Built built(PathCounts counts) {
    java.util.concurrent.FutureTask<Built> task;
    boolean mine = false;
    synchronized (lastLock) {
      if (last != null && lastCounts.get() == counts) {
        task = last;
      } else {
        task = new java.util.concurrent.FutureTask<>(() -> {
          int[] endState = new int[counts.table().size()];
          return new Built(ChainBuilder.build(counts, order, endState), endState);
        });
        mine = true;
        last = task;
        lastCounts = new java.lang.ref.WeakReference<>(counts);
      }
    }
    if (mine) {
      task.run();
    }
    try {
      return task.get();
    } catch (java.util.concurrent.ExecutionException e) {
      synchronized (lastLock) {
        if (last == task) {
          last = null; // a failed build is not kept: the next caller fails as this one did, with its own build
        }
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a Markov chain", e);
    }
  }

  /**
   * The credit of this model on the same paths with other values, for several sets of values at once: for each,
   * the result {@link #attribute} gives on {@code counts} with its values replaced (conversions and nulls kept). The
   * chain's states and transitions depend on the journeys alone, so it is built once and only its values change
   * (lifetime value by channel refits Markov this way with lifetime values and with new-customer counts); when this
   * model was last fitted on these very paths, that fit's chain is used.
   *
   * @param counts distinct paths with their conversions and nulls (their values are not read)
   * @param pathValues per set, each path's value ({@code >= 0}) by its index in {@code counts.table()}
   * @return one result per set, in order
   */
  @Override
  public List<ModelResult> attributeRevalued(PathCounts counts, List<PathValues> pathValues) {
    Built b = built(counts);
    Chain chain = b.chain();
    int[] endState = b.endState();
    List<ModelResult> out = new ArrayList<>(pathValues.size());
    for (PathValues values : pathValues) {
      out.add(fit(chain.revalued(endState, values)).result());
    }
    return out;
  }

  private MarkovFit fit(Chain chain) {
    int n = chain.size();
    double journeys = chain.journeys;
    double[] conversionRate = new double[n];
    double[] valueRate = new double[n];
    boolean[] converts = new boolean[n];
    boolean[] earns = new boolean[n];
    for (int s = 0; s < n; s++) {
      conversionRate[s] = (double) chain.conversions[s] / chain.outflow[s];
      valueRate[s] = chain.value[s].doubleValue() / chain.outflow[s];
      converts[s] = chain.conversions[s] > 0;
      earns[s] = chain.value[s].signum() > 0;
    }
    AbsorptionSolver solver = new AbsorptionSolver(chain);
    double[] base = solver.solve(null, null);
    double p = n == 0 ? 0 : dot(base, conversionRate) / journeys;
    double ev = n == 0 ? 0 : dot(base, valueRate) / journeys;
    checkConsistent(chain, p, ev);

    boolean[] reachesConversion = reaches(chain, converts);
    boolean[] reachesValue = reaches(chain, earns);
    // A small chain is factorised once and every removal read off it (RemovalUpdate); a larger one is solved again
    // per channel, block by block.
    RemovalUpdate update = n > 0 && n <= RemovalUpdate.LIMIT ? new RemovalUpdate(chain) : null;
    double[][] reach = update == null ? null
        : new double[][] {update.reach(conversionRate), update.reach(valueRate)};
    double[] readOuts = {dot(base, conversionRate), dot(base, valueRate)};
    List<RemovalEffect> effects = new ArrayList<>(chain.channels.length);
    for (int c = 0; c < chain.channels.length; c++) {
      int[] states = chain.statesOf[c];
      boolean affectsConversions = p > 0 && any(states, reachesConversion);
      boolean affectsValue = ev > 0 && any(states, reachesValue);
      double pWithout = p;
      double evWithout = ev;
      if (affectsConversions || affectsValue) {
        double[] without;
        if (update != null) {
          without = update.without(states, base, readOuts, reach);
        } else {
          boolean[] removed = new boolean[n];
          for (int s : states) {
            removed[s] = true;
          }
          double[] x = solver.solve(removed, base);
          without = new double[] {dot(x, conversionRate), dot(x, valueRate)};
        }
        // Rounding may leave -1e-17 where the truth is 0: clamp to the true range [0, baseline].
        pWithout = affectsConversions ? clamp(without[0] / journeys, p) : p;
        evWithout = affectsValue ? clamp(without[1] / journeys, ev) : ev;
      }
      double effect = p > 0 ? 1 - pWithout / p : 0;
      double valueEffect = ev > 0 ? 1 - evWithout / ev : 0;
      effects.add(new RemovalEffect(chain.channels[c], pWithout, effect, evWithout, valueEffect));
    }
    return new MarkovFit(order, ChainView.states(chain), ChainView.transitions(chain), chain.journeys,
        chain.totalConversions, chain.totalValue, p, ev, effects, credit(chain, effects));
  }

  private ModelResult credit(Chain chain, List<RemovalEffect> effects) {
    double sum = 0;
    double valueSum = 0;
    for (RemovalEffect r : effects) {
      sum += r.effect();
      valueSum += r.valueEffect();
    }
    double conversions = chain.totalConversions;
    double value = chain.totalValue.doubleValue();
    List<ChannelCredit> credits = new ArrayList<>(effects.size());
    for (RemovalEffect r : effects) {
      credits.add(new ChannelCredit(r.channel(),
          sum > 0 ? conversions * (r.effect() / sum) : 0,
          valueSum > 0 ? value * (r.valueEffect() / valueSum) : 0));
    }
    return new ModelResult(name(), credits);
  }

  private static void checkConsistent(Chain chain, double p, double ev) {
    double rate = chain.journeys == 0 ? 0 : (double) chain.totalConversions / chain.journeys;
    double valuePerJourney = chain.journeys == 0 ? 0 : chain.totalValue.doubleValue() / chain.journeys;
    if (Math.abs(p - rate) > CONSISTENCY_TOLERANCE * rate
        || Math.abs(ev - valuePerJourney) > CONSISTENCY_TOLERANCE * valuePerJourney) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "Markov chain of order %d does not reproduce the data (a bug): P(conv) %.17g vs conversion rate %.17g,"
              + " E[value] %.17g vs value per journey %.17g", chain.order, p, rate, ev, valuePerJourney));
    }
  }

  /** @return which states can reach a target state (themselves included), by a search backwards along transitions */
  private static boolean[] reaches(Chain chain, boolean[] target) {
    int n = chain.size();
    boolean[] reached = Arrays.copyOf(target, n);
    int[] queue = new int[n];
    int tail = 0;
    for (int s = 0; s < n; s++) {
      if (reached[s]) {
        queue[tail++] = s;
      }
    }
    for (int head = 0; head < tail; head++) {
      int t = queue[head];
      for (int e = chain.inStart[t]; e < chain.inStart[t + 1]; e++) {
        int s = chain.inFrom[e];
        if (!reached[s]) {
          reached[s] = true;
          queue[tail++] = s;
        }
      }
    }
    return reached;
  }

  private static boolean any(int[] states, boolean[] flag) {
    for (int s : states) {
      if (flag[s]) {
        return true;
      }
    }
    return false;
  }

  /** Removing states only lowers visits, so the truth lies in [0, baseline]; rounding may step just outside. */
  private static double clamp(double withoutChannel, double baseline) {
    return Math.min(baseline, Math.max(0, withoutChannel));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public String toString() {
    return "markov(order " + order + ")";
  }
}
