/**
 * The aggregate every data-driven model needs: distinct paths with their conversions, value and nulls
 * ({@link io.tributary.core.paths.PathCounts}), built from a slice of journeys and merged like a sketch.
 */
package io.tributary.core.paths;
