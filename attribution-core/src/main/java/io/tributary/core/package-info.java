/**
 * Tributary's attribution core: journeys, path counts, every model and metric, in pure Java.
 *
 * <p>Engines (the CLI, the Spark job) read inputs, turn rows into {@link io.tributary.core.journey.Event}s with the
 * shared {@link io.tributary.core.input} parsers, fold journeys into a mergeable
 * {@link io.tributary.core.model.JourneyAggregate}, and hand it to {@link io.tributary.core.model.AttributionRun}.
 *
 * <p>The API is every public type not marked {@link io.tributary.core.Internal}. Solvers and the columnar path table
 * are package-private where they can be; the few that other core packages (or the benchmarks) need are public and
 * marked, and the engines' test {@code EngineApiTest} (spark-jobs) fails when an engine's compiled classes name one.
 */
package io.tributary.core;
