/**
 * Tributary's attribution core: journeys, path counts, every model and metric, in pure Java.
 *
 * <p>Engines (the CLI, the Spark job) read inputs, turn rows into {@link io.tributary.core.journey.Event}s with the
 * shared {@link io.tributary.core.input} parsers, fold journeys into a mergeable
 * {@link io.tributary.core.model.JourneyAggregate}, and hand it to {@link io.tributary.core.model.AttributionRun}.
 */
package io.tributary.core;
