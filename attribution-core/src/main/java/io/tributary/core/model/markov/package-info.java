/**
 * The {@code markov} model: an absorbing Markov chain of order k over path windows, with exact removal effects
 * ({@link io.tributary.core.model.markov.MarkovModel}, fitted chain in {@link io.tributary.core.model.markov.MarkovFit}).
 * Internals (chain construction, the sparse block solver) are package-private.
 */
package io.tributary.core.model.markov;
