/**
 * The aggregate every data-driven model needs: distinct paths with their conversions, value and nulls
 * ({@link io.tributary.core.paths.PathCounts}), built from a slice of journeys and merged like a sketch.
 *
 * <p>Inside, paths are channel-id sequences in primitive arrays ({@link io.tributary.core.paths.PathTable}, ids in
 * sorted name order), which models read; the map of {@link io.tributary.core.paths.Path} objects is made only when
 * asked for. The builder takes journeys, path strings ({@code addPath}, no String per touch) or channel ids
 * ({@code channelId} + {@code add(int[], ...)}, for engines with their own fold).
 */
package io.tributary.core.paths;
