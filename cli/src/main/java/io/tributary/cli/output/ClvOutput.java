package io.tributary.cli.output;

import io.tributary.core.clv.ClvAnalysis;
import io.tributary.core.clv.Estimate;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code tributary clv} prints, in its three formats: the fitted parameters with standard errors and
 * log-likelihoods, the counts, and the population's expected lifetime value.
 */
public final class ClvOutput {
  /**
   * The run's result beside the analysis: what the log gave.
   *
   * @param analysis the fits and the population's lifetime value
   * @param calibrationEnd the calibration end used
   * @param acquiredAfterEnd customers whose first purchase is after the calibration end
   * @param withoutPurchase customers in the log without a conversion
   */
  public record Result(ClvAnalysis analysis, LocalDate calibrationEnd, int acquiredAfterEnd, int withoutPurchase) {}

  private ClvOutput() {}

  /** Writes the result as aligned text for people. */
  public static void table(Result r, Writer out) throws IOException {
    ClvAnalysis a = r.analysis();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Customers: %d (%d repeat, %d with a valued repeat purchase); calibration "
        + "to %s, time unit %s%n", a.customers(), a.repeatCustomers(), a.valuedRepeatCustomers(), r.calibrationEnd(),
        a.options().timeUnit().label()));
    sb.append(String.format(Locale.ROOT, "%nBG/NBD (repeat purchases), log-likelihood %.2f%n",
        a.bgNbd().logLikelihood()));
    estimates(sb, a.bgNbd().estimates());
    sb.append(String.format(Locale.ROOT, "%nGamma-Gamma (value per purchase), log-likelihood %.2f%n",
        a.gammaGamma().logLikelihood()));
    estimates(sb, a.gammaGamma().estimates());
    sb.append(String.format(Locale.ROOT, "%nOver the next %s at %s a year: %.2f expected purchases, lifetime value "
        + "%.2f in total, %.2f per customer%n", horizon(a), percent(a.options().discountRate()),
        a.expectedPurchases(), a.totalLifetimeValue(), a.meanLifetimeValue()));
    out.write(sb.toString());
  }

  /** Writes the result as one CSV table {@code section,name,value,standard_error}. */
  public static void csv(Result r, Writer out) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    ClvAnalysis a = r.analysis();
    for (Estimate e : a.bgNbd().estimates()) {
      rows.add(List.of("bgnbd", e.name(), e.value(), e.standardError()));
    }
    rows.add(row("bgnbd", "log_likelihood", a.bgNbd().logLikelihood()));
    for (Estimate e : a.gammaGamma().estimates()) {
      rows.add(List.of("gamma_gamma", e.name(), e.value(), e.standardError()));
    }
    rows.add(row("gamma_gamma", "log_likelihood", a.gammaGamma().logLikelihood()));
    for (Object[] f : facts(r)) {
      rows.add(row("population", (String) f[0], f[1]));
    }
    CsvTableWriter.write(new Table("clv", List.of("section", "name", "value", "standard_error"), rows), out);
  }

  /**
   * Writes the result as one JSON object: {@code bgnbd.{r,alpha,a,b,log_likelihood,standard_errors}},
   * {@code gamma_gamma.{p,q,gamma,log_likelihood,standard_errors}} and the population's facts at the top level.
   */
  public static void json(Result r, Writer out) throws IOException {
    ClvAnalysis a = r.analysis();
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"bgnbd\": ").append(model(a.bgNbd().estimates(), a.bgNbd().logLikelihood())).append(",\n");
    sb.append("  \"gamma_gamma\": ").append(model(a.gammaGamma().estimates(), a.gammaGamma().logLikelihood()))
        .append(",\n");
    List<Object[]> facts = facts(r);
    for (int i = 0; i < facts.size(); i++) {
      Object v = facts.get(i)[1];
      sb.append("  ").append(JsonTableWriter.string((String) facts.get(i)[0])).append(": ")
          .append(v instanceof String s ? JsonTableWriter.string(s) : number(v))
          .append(i + 1 < facts.size() ? ",\n" : "\n");
    }
    out.write(sb.append("}\n").toString());
  }

  private static List<Object[]> facts(Result r) {
    ClvAnalysis a = r.analysis();
    List<Object[]> f = new ArrayList<>();
    f.add(new Object[] {"customers", (long) a.customers()});
    f.add(new Object[] {"repeat_customers", (long) a.repeatCustomers()});
    f.add(new Object[] {"valued_repeat_customers", (long) a.valuedRepeatCustomers()});
    f.add(new Object[] {"zero_value_repeat_purchases", a.zeroValueRepeats()});
    f.add(new Object[] {"acquired_after_calibration", (long) r.acquiredAfterEnd()});
    f.add(new Object[] {"customers_without_purchase", (long) r.withoutPurchase()});
    f.add(new Object[] {"calibration_end", r.calibrationEnd().toString()});
    f.add(new Object[] {"time_unit", a.options().timeUnit().label()});
    f.add(new Object[] {"horizon_days", a.options().horizonDays()});
    f.add(new Object[] {"discount_rate", a.options().discountRate()});
    f.add(new Object[] {"expected_purchases", a.expectedPurchases()});
    f.add(new Object[] {"clv_total", a.totalLifetimeValue()});
    f.add(new Object[] {"clv_mean", a.meanLifetimeValue()});
    return f;
  }

  private static String model(List<Estimate> estimates, double logLikelihood) {
    StringBuilder sb = new StringBuilder("{");
    for (Estimate e : estimates) {
      sb.append(JsonTableWriter.string(e.name())).append(": ").append(Numbers.format(e.value())).append(", ");
    }
    sb.append("\"log_likelihood\": ").append(Numbers.format(logLikelihood)).append(", \"standard_errors\": {");
    for (int i = 0; i < estimates.size(); i++) {
      Estimate e = estimates.get(i);
      sb.append(i == 0 ? "" : ", ").append(JsonTableWriter.string(e.name())).append(": ")
          .append(Numbers.format(e.standardError()));
    }
    return sb.append("}}").toString();
  }

  private static List<Object> row(String section, String name, Object value) {
    List<Object> row = new ArrayList<>(4);
    row.add(section);
    row.add(name);
    row.add(value);
    row.add(null);
    return row;
  }

  private static String number(Object v) {
    return v instanceof Double d ? Numbers.format(d) : String.valueOf(v);
  }

  private static void estimates(StringBuilder sb, List<Estimate> estimates) {
    sb.append(String.format(Locale.ROOT, "  %-10s %14s %14s%n", "parameter", "estimate", "std. error"));
    for (Estimate e : estimates) {
      sb.append(String.format(Locale.ROOT, "  %-10s %14.6g %14.6g%n", e.name(), e.value(), e.standardError()));
    }
  }

  private static String horizon(ClvAnalysis a) {
    double d = a.options().horizonDays();
    return d == Math.rint(d) ? (long) d + " days" : Numbers.format(d) + " days";
  }

  private static String percent(double rate) {
    return Numbers.format(rate * 100) + " %";
  }
}
