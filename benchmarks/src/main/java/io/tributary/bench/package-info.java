/**
 * JMH benchmarks of the core (journeys and rule models, Markov, Shapley, bootstrap) with the seeded generators of
 * their inputs; whole-job timings of the CLI ({@code cli}) and the Spark job live beside them. Results and the
 * commands that reproduce them are in {@code benchmarks/results/}.
 */
package io.tributary.bench;
