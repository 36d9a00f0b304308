/**
 * Report windows, defined once for every engine: which dates a run credits ({@link
 * io.tributary.core.window.RunWindow}), which events it reads ({@link io.tributary.core.window.ReadRange}), which
 * journeys each date has ({@link io.tributary.core.window.DatedFold}) and how each date is credited, with the
 * data-driven models fitted on a fitting window ({@link io.tributary.core.window.WindowedReport}).
 */
package io.tributary.core.window;
