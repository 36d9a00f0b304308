/**
 * Whole-job timing of the {@code tributary} command against the tool an analyst would otherwise use, a DuckDB SQL
 * query, on a seeded synthetic event log; results in {@code benchmarks/results/cli.md}.
 */
package io.tributary.bench.cli;
