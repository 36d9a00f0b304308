/**
 * Reading the command's inputs into the core's values: event logs into a compact columnar store grouped per
 * customer, path files into {@link io.tributary.core.paths.PathCounts}, spend, identity maps and consent lists; rows
 * validated by the core's row parsers, bad rows failed or set aside with their reasons.
 */
package io.tributary.cli.load;
