package io.tributary.core.model.rule;

import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.ModelResult;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.paths.PathTable;
import java.util.List;

/**
 * The touch weights of the rule models fitted on paths, for code that splits other per-path values exactly as these
 * models split a path's value (lifetime value by channel splits each acquisition path's lifetime value this way).
 */
public final class TouchWeights {
  private TouchWeights() {}

  /**
   * @param model a model
   * @return whether it splits each path's conversions and value on their own, by weights of the path alone, summed
   *     exactly per channel and rounded once (first touch, last touch, last non-direct, linear, position based)
   */
  public static boolean splitsEachPath(AttributionModel model) {
    return model instanceof PositionalModel;
  }

  /**
   * @param model a model for which {@link #splitsEachPath} holds
   * @param paths a path table
   * @param p a path of it (at least one touch)
   * @return one weight per touch, each {@code >= 0}, summing to 1: the weights the model's fit gives this path
   * @throws IllegalArgumentException when the model does not split each path on its own
   */
  public static double[] of(AttributionModel model, PathTable paths, int p) {
    if (!(model instanceof PositionalModel m)) {
      throw new IllegalArgumentException("model " + model.name() + " does not split each path on its own");
    }
    return m.weights(paths, p);
  }

  /**
   * Fits the models that split each path on its own ({@link #splitsEachPath}) on one table together, in one pass over
   * its paths: the results {@code PathModel#attribute} gives one by one, bit for bit.
   *
   * @param models models for which {@link #splitsEachPath} holds
   * @param counts the paths
   * @return one result per model, in order
   * @throws IllegalArgumentException when a model does not split each path on its own
   */
  public static List<ModelResult> fitTogether(List<? extends AttributionModel> models, PathCounts counts) {
    List<PositionalModel> positional = new java.util.ArrayList<>(models.size());
    for (AttributionModel model : models) {
      if (!(model instanceof PositionalModel m)) {
        throw new IllegalArgumentException("model " + model.name() + " does not split each path on its own");
      }
      positional.add(m);
    }
    return PositionalModel.attributeAll(positional, counts);
  }
}
