package io.tributary.core.output;

import io.tributary.core.clv.ClvAnalysis;
import io.tributary.core.clv.Estimate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of the {@code tributary clv} report ({@link OutputTables#CLV_REPORT}), in long format: a fitted parameter
 * with its standard error, a fit's log-likelihood, or a fact about the population.
 *
 * @param section {@code bgnbd}, {@code gamma_gamma} or {@code population}
 * @param name the parameter's or the fact's name
 * @param value a number ({@link Double} or {@link Long}), or text for the calibration end and the time unit
 * @param standardError the parameter's standard error, null for a log-likelihood or a fact
 */
public record ClvReportRow(String section, String name, Object value, Double standardError) {
  /** The section of the BG/NBD fit's rows. */
  public static final String BG_NBD = "bgnbd";
  /** The section of the Gamma-Gamma fit's rows. */
  public static final String GAMMA_GAMMA = "gamma_gamma";
  /** The section of the population's facts. */
  public static final String POPULATION = "population";
  /** The name of a fit's log-likelihood row. */
  public static final String LOG_LIKELIHOOD = "log_likelihood";

  public ClvReportRow {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** @return whether this row is a fitted parameter (it has a standard error) */
  public boolean isEstimate() {
    return standardError != null;
  }

  /**
   * The report's rows, in its order: each fit's parameters then its log-likelihood (BG/NBD, then Gamma-Gamma), then
   * the population's facts.
   *
   * @param a the fits and the population's lifetime value
   * @param calibrationEnd the calibration end used
   * @param acquiredAfterEnd customers whose first purchase is after the calibration end
   * @param withoutPurchase customers in the log without a conversion
   */
  public static List<ClvReportRow> of(ClvAnalysis a, LocalDate calibrationEnd, long acquiredAfterEnd,
      long withoutPurchase) {
    List<ClvReportRow> rows = new ArrayList<>();
    fit(rows, BG_NBD, a.bgNbd().estimates(), a.bgNbd().logLikelihood());
    fit(rows, GAMMA_GAMMA, a.gammaGamma().estimates(), a.gammaGamma().logLikelihood());
    fact(rows, "customers", (long) a.customers());
    fact(rows, "repeat_customers", (long) a.repeatCustomers());
    fact(rows, "valued_repeat_customers", (long) a.valuedRepeatCustomers());
    fact(rows, "zero_value_repeat_purchases", a.zeroValueRepeats());
    fact(rows, "acquired_after_calibration", acquiredAfterEnd);
    fact(rows, "customers_without_purchase", withoutPurchase);
    fact(rows, "calibration_end", calibrationEnd.toString());
    fact(rows, "time_unit", a.options().timeUnit().label());
    fact(rows, "horizon_days", a.options().horizonDays());
    fact(rows, "discount_rate", a.options().discountRate());
    fact(rows, "expected_purchases", a.expectedPurchases());
    fact(rows, "clv_total", a.totalLifetimeValue());
    fact(rows, "clv_mean", a.meanLifetimeValue());
    return rows;
  }

  private static void fit(List<ClvReportRow> rows, String section, List<Estimate> estimates, double logLikelihood) {
    for (Estimate e : estimates) {
      rows.add(new ClvReportRow(section, e.name(), e.value(), e.standardError()));
    }
    rows.add(new ClvReportRow(section, LOG_LIKELIHOOD, logLikelihood, null));
  }

  private static void fact(List<ClvReportRow> rows, String name, Object value) {
    rows.add(new ClvReportRow(POPULATION, name, value, null));
  }
}
