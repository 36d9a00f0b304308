package io.tributary.core.model.markov;

/**
 * One nonzero entry of a fitted chain's transition matrix (the matrix is sparse: order 3 over a dozen channels has a
 * few thousand states but only about a dozen transitions out of each).
 *
 * @param from the source state's index in {@link MarkovFit#states()}
 * @param to the target state's index in {@link MarkovFit#states()}
 * @param weight journeys that made this transition, {@code > 0}
 * @param probability {@code weight} / total weight out of {@code from}, in (0, 1]
 */
public record MarkovTransition(int from, int to, long weight, double probability) {
  public MarkovTransition {
    if (from < 0 || to < 0 || weight <= 0 || !(probability > 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "bad transition " + from + " -> " + to + " weight " + weight + " probability " + probability);
    }
  }
}
