/**
 * The Shapley-value models of SPEC: {@code shapley} (a game per distinct channel set, exact up to a limit and sampled
 * with a stated error beyond, {@link io.tributary.core.model.shapley.ShapleyModel}), {@code shapley_cumulative}
 * ({@link io.tributary.core.model.shapley.CumulativeShapleyModel}) and {@code shapley_simplified}
 * ({@link io.tributary.core.model.shapley.SimplifiedShapleyModel}), and an exact solver for any game given densely
 * ({@link io.tributary.core.model.shapley.HarsanyiShapley}).
 *
 * <p>All three models work on the distinct channel sets of the paths (order and repeats dropped), with channel ids
 * from a {@link io.tributary.core.paths.ChannelDictionary} and sets as bit words: strings are read once per path.
 */
package io.tributary.core.model.shapley;
