/**
 * Metrics over fitted models: SPEC's {@code channel_credit} rows with ROI/ROAS/CPA from spend, and the
 * {@code conversion_kpis} row.
 */
package io.tributary.core.metrics;
