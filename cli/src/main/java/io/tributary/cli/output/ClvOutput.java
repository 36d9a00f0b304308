package io.tributary.cli.output;

import io.tributary.core.clv.ClvAnalysis;
import io.tributary.core.clv.Estimate;
import io.tributary.core.output.ClvReportRow;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What {@code tributary clv} prints, in its three formats: the fitted parameters with standard errors and
 * log-likelihoods, the counts, and the population's expected lifetime value. The CSV and JSON forms are the rows of the
 * core's {@link io.tributary.core.output.OutputTables#CLV_REPORT}; the text form is for people.
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
  public record Result(ClvAnalysis analysis, LocalDate calibrationEnd, int acquiredAfterEnd, int withoutPurchase) {
    /** @return the report's rows, as the core lays them out */
    List<ClvReportRow> rows() {
      return ClvReportRow.of(analysis, calibrationEnd, acquiredAfterEnd, withoutPurchase);
    }
  }

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

  /** Writes the result as one CSV table, the core's {@code clv_report}: {@code section,name,value,standard_error}. */
  public static void csv(Result r, Writer out) throws IOException {
    CsvTableWriter.write(SpecTables.clvReport(r.rows()), out);
  }

  /**
   * Writes the same rows as one JSON object: {@code bgnbd.{r,alpha,a,b,log_likelihood,standard_errors}},
   * {@code gamma_gamma.{p,q,gamma,log_likelihood,standard_errors}} and the population's facts at the top level.
   */
  public static void json(Result r, Writer out) throws IOException {
    List<ClvReportRow> rows = r.rows();
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"bgnbd\": ").append(model(rows, ClvReportRow.BG_NBD)).append(",\n");
    sb.append("  \"gamma_gamma\": ").append(model(rows, ClvReportRow.GAMMA_GAMMA)).append(",\n");
    List<ClvReportRow> facts = section(rows, ClvReportRow.POPULATION);
    for (int i = 0; i < facts.size(); i++) {
      Object v = facts.get(i).value();
      sb.append("  ").append(JsonTableWriter.string(facts.get(i).name())).append(": ")
          .append(v instanceof String s ? JsonTableWriter.string(s) : number(v))
          .append(i + 1 < facts.size() ? ",\n" : "\n");
    }
    out.write(sb.append("}\n").toString());
  }

  private static List<ClvReportRow> section(List<ClvReportRow> rows, String section) {
    return rows.stream().filter(x -> x.section().equals(section)).toList();
  }

  /* A fit's rows as {"r": ..., "log_likelihood": ..., "standard_errors": {"r": ...}}. */
  private static String model(List<ClvReportRow> rows, String section) {
    List<ClvReportRow> fit = section(rows, section);
    List<ClvReportRow> estimates = fit.stream().filter(ClvReportRow::isEstimate).toList();
    StringBuilder sb = new StringBuilder("{");
    for (ClvReportRow e : estimates) {
      sb.append(JsonTableWriter.string(e.name())).append(": ").append(number(e.value())).append(", ");
    }
    Object logLikelihood = fit.stream().filter(x -> x.name().equals(ClvReportRow.LOG_LIKELIHOOD)).findFirst()
        .orElseThrow().value();
    sb.append("\"log_likelihood\": ").append(number(logLikelihood)).append(", \"standard_errors\": {");
    for (int i = 0; i < estimates.size(); i++) {
      ClvReportRow e = estimates.get(i);
      sb.append(i == 0 ? "" : ", ").append(JsonTableWriter.string(e.name())).append(": ")
          .append(Numbers.format(e.standardError()));
    }
    return sb.append("}}").toString();
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
