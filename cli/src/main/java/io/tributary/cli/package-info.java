/**
 * The {@code tributary} command for analysts working on CSV exports: {@link io.tributary.cli.Main} and its
 * subcommands. Commands read inputs ({@code load}), call the core, and write SPEC's tables ({@code output}); they
 * compute nothing the core computes.
 */
package io.tributary.cli;
