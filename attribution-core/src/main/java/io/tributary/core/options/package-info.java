/**
 * The option contract: every model and journey option's name, default, range and help ({@link
 * io.tributary.core.options.ModelOptionSpec}), and a run's values ({@link io.tributary.core.options.RunOptions}).
 * Engines generate their command-line options from it.
 */
package io.tributary.core.options;
