/**
 * Date windows of a run, in the run's zone, defined once for every engine: which dates it credits ({@link
 * io.tributary.core.window.RunWindow}), which dates it reads ({@link
 * io.tributary.core.window.RunWindow#readRange}, a {@link io.tributary.core.window.DateRange} a partitioned scan can
 * be pruned to), which journeys each date has
 * ({@link io.tributary.core.window.DatedFold}) and how each date is credited, with the data-driven models fitted on a
 * fitting window ({@link io.tributary.core.window.WindowedReport}).
 */
package io.tributary.core.window;
