/**
 * The {@code tributary sample} command: a seeded, streaming generator of synthetic omnichannel event logs whose
 * per-channel causal effect on conversion is known, so attribution models can be scored against the truth.
 */
package io.tributary.cli.sample;
