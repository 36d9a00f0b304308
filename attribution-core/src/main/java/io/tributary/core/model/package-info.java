/**
 * Models by name ({@link io.tributary.core.model.ModelRegistry}), their options and results, the mergeable
 * {@link io.tributary.core.model.JourneyAggregate} engines fold journeys into, and
 * {@link io.tributary.core.model.AttributionRun}, which fits models on it.
 */
package io.tributary.core.model;
