/**
 * Customer lifetime value from a purchase log: the BG/NBD model of repeat purchases (Fader, Hardie &amp; Lee 2005) and
 * the Gamma-Gamma model of order value (Fader &amp; Hardie 2013), both fitted by exact maximum likelihood, and the
 * discounted lifetime value they imply. {@code docs/models.md} ("Customer lifetime value") defines every quantity.
 *
 * <p>The public API, in the order an engine uses it:
 * <ol>
 *   <li>{@link io.tributary.core.clv.ClvOptions}: calibration end, {@link io.tributary.core.clv.ClvTimeUnit}, horizon,
 *       annual discount rate; the option names and defaults every engine uses.
 *   <li>{@link io.tributary.core.clv.PurchaseHistory}: one customer's purchases (day, value) in, one
 *       {@link io.tributary.core.clv.CustomerSummary} (x, t_x, T, repeat value count and mean) out, by the rules in
 *       the docs (same-day purchases are one, the first purchase is not a repeat, whole days / time unit).
 *       {@link io.tributary.core.clv.CustomerSummaries#fromPurchases} does it for a list of
 *       {@link io.tributary.core.clv.Purchase} rows.
 *   <li>{@link io.tributary.core.clv.BgNbd#fit} and {@link io.tributary.core.clv.GammaGamma#fit}: the fitted models
 *       with log-likelihood and standard errors ({@link io.tributary.core.clv.BgNbdFit},
 *       {@link io.tributary.core.clv.GammaGammaFit}); {@link io.tributary.core.clv.BgNbd} gives expected purchases and
 *       P(alive), {@link io.tributary.core.clv.GammaGamma} the expected order value.
 *   <li>{@link io.tributary.core.clv.LifetimeValue}: discounted CLV of a customer over the horizon.
 *   <li>{@link io.tributary.core.clv.ClvAnalysis#run}: all of the above on a population in one call, with the counts
 *       and the population's expected CLV ({@link io.tributary.core.clv.ClvAnalysis}).
 * </ol>
 * Data the models cannot be fitted on raise {@link io.tributary.core.clv.ClvException} with a one-line message; no
 * result is ever NaN.
 */
package io.tributary.core.clv;
