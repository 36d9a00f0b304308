/**
 * Whole-job timing of the {@code tributary} command against the tool an analyst would otherwise use, a DuckDB SQL
 * query, on a seeded synthetic event log (results in {@code benchmarks/results/cli.md}); and {@code tributary clv} on a
 * generated purchase log of a million customers (results in {@code benchmarks/results/clv.md}).
 */
package io.tributary.bench.cli;
