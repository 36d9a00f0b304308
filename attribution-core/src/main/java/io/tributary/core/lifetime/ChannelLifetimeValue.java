package io.tributary.core.lifetime;

import io.tributary.core.clv.ClvAnalysis;
import io.tributary.core.clv.ClvOptions;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.clv.LifetimeValue;
import io.tributary.core.clv.PurchaseHistory;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.AttributionRun;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.CreditSum;
import io.tributary.core.model.ExactSum;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.JourneyModel;
import io.tributary.core.model.ModelResult;
import io.tributary.core.paths.Path;
import io.tributary.core.paths.PathTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code channel_lifetime_value} table and the run's omnichannel lifetime value.
 *
 * <p>How (docs/models.md, "Lifetime value by channel"): BG/NBD and Gamma-Gamma are fitted on every buyer of the run
 * ({@link ClvAnalysis}), calibrated to the run's calibration end, and give each buyer an expected lifetime value. Each
 * model is then fitted twice more on the run's own journeys with the value of every converting journey replaced:
 * once by the lifetime value of the customers it acquired (zero for a journey that acquired nobody), once by the
 * number of customers it acquired. A model's attributed value in those fits is the lifetime value, and the new
 * customers, it credits to each channel: a rule model splits each acquisition journey's lifetime value exactly as it
 * splits that journey's conversion; Markov and Shapley apply their value credit to lifetime value. Conversions,
 * non-converting journeys and so every model's fit of conversions stay as they are.
 *
 * @param rows the table, per model (in model order) and channel (in name order; {@code (unattributed)} last)
 * @param analysis both models' fits
 * @param calibrationEnd the calibration end used
 * @param customers buyers valued
 * @param totalLifetimeValue the sum of their lifetime values (exact sum, rounded once)
 */
public record ChannelLifetimeValue(List<ChannelLifetimeValueRow> rows, ClvAnalysis analysis,
    LocalDate calibrationEnd, int customers, double totalLifetimeValue) {
  /** The option that turns lifetime value by channel on, in every engine. */
  public static final String OPTION = "--clv";
  /** The channel of customers whose first purchase had no touch in its window. */
  public static final String UNATTRIBUTED = JourneyAggregate.UNATTRIBUTED;

  /*
   * Determinism: the fit sees the summaries in a canonical order (sorted), so its sums, and so every customer's value,
   * are the same bits whatever order an engine read its customers in; sums over customers are exact (ExactSum).
   */
  private static final Comparator<CustomerSummary> CANONICAL = Comparator.comparingInt(CustomerSummary::frequency)
      .thenComparingDouble(CustomerSummary::recency).thenComparingDouble(CustomerSummary::age)
      .thenComparingInt(CustomerSummary::valuedRepeats).thenComparingDouble(CustomerSummary::meanRepeatValue);

  public ChannelLifetimeValue {
    rows = List.copyOf(rows);
  }

  /** @return the mean lifetime value per buyer; 0 without buyers */
  public double meanLifetimeValue() {
    return customers == 0 ? 0 : totalLifetimeValue / customers;
  }

  /**
   * @param ledger the run's buyers
   * @param options calibration end (null: the day of the run's last event) and time unit
   * @param zone the zone whose calendar gives the last event's day
   * @return the calibration end to use
   */
  public static LocalDate calibrationEnd(LifetimeLedger ledger, ClvOptions options, ZoneId zone) {
    if (options.calibrationEnd() != null) {
      return options.calibrationEnd();
    }
    return LocalDate.ofEpochDay(PurchaseHistory.epochDay(ledger.lastEventMillis(), zone));
  }

  /**
   * Fits the lifetime-value models and splits the value by channel under every model.
   *
   * @param aggregate the run's merged journeys (what the models were fitted on)
   * @param models the run's models, in output order
   * @param ledger the run's buyers, recorded from the same journeys
   * @param credit the run's {@code channel_credit} rows (for {@code roas})
   * @param spend the window's spend
   * @param options horizon, discount rate, time unit and calibration end
   * @param zone the zone of the run's days
   * @return the table
   * @throws io.tributary.core.clv.ClvException when the models cannot be fitted (no buyers, no repeat buyer, ...)
   */
  public static ChannelLifetimeValue compute(JourneyAggregate aggregate, List<AttributionModel> models,
      LifetimeLedger ledger, List<ChannelCreditRow> credit, SpendTable spend, ClvOptions options, ZoneId zone) {
    LocalDate end = calibrationEnd(ledger, options, zone);
    List<CustomerLifetime> buyers = new ArrayList<>();
    List<CustomerSummary> summaries = new ArrayList<>();
    for (CustomerLifetime c : ledger.customers()) {
      if (c.firstDay() + c.inDays().recency() <= end.toEpochDay()) {
        buyers.add(c);
        summaries.add(c.summary(end.toEpochDay(), options.timeUnit()));
      }
    }
    if (buyers.size() < ledger.customers().size()) {
      // A calibration end before some purchases: those customers' later purchases are not in their summaries.
      throw new io.tributary.core.clv.ClvException("calibration end " + end + " is before the last purchase of "
          + (ledger.customers().size() - buyers.size()) + " customers: lifetime value by channel is calibrated on "
          + "the whole run (leave " + ClvOptions.CALIBRATION_END_OPTION + " out, or set it on or after the last event)");
    }
    List<CustomerSummary> sorted = new ArrayList<>(summaries);
    sorted.sort(CANONICAL);
    ClvAnalysis analysis = ClvAnalysis.run(sorted, options);
    LifetimeValue lv = analysis.lifetimeValue();

    PathTable table = aggregate.paths().table();
    Map<Path, Integer> index = new HashMap<>(table.size() * 2);
    for (int p = 0; p < table.size(); p++) {
      index.put(table.path(p), p);
    }
    ExactSum[] pathValue = new ExactSum[table.size()];
    long[] pathCustomers = new long[table.size()];
    List<JourneyModel> journeyModels = new ArrayList<>();
    for (AttributionModel m : models) {
      if (m instanceof JourneyModel jm) {
        journeyModels.add(jm);
      }
    }
    List<Map<String, ExactSum[]>> journeySums = new ArrayList<>();
    journeyModels.forEach(m -> journeySums.add(new TreeMap<>()));
    ExactSum total = new ExactSum();
    ExactSum touchlessValue = new ExactSum();
    long touchless = 0;
    for (int i = 0; i < buyers.size(); i++) {
      CustomerLifetime c = buyers.get(i);
      double value = lv.lifetimeValue(summaries.get(i));
      if (!(value >= 0) || Double.isInfinite(value)) {
        value = UntransformedLifetimeValue.lifetimeValue(analysis.bgNbd().model(), analysis.gammaGamma().model(),
            options, summaries.get(i));
      }
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new io.tributary.core.clv.ClvException("the fitted models give no finite lifetime value for a customer "
            + "with x = " + summaries.get(i).frequency() + ", T = " + summaries.get(i).age() + " (BG/NBD "
            + analysis.bgNbd().model() + "): the data cannot support a lifetime-value fit");
      }
      total.add(value);
      if (c.acquisitionPath() == null) {
        touchless++;
        touchlessValue.add(value);
        continue;
      }
      Integer p = index.get(c.acquisitionPath());
      if (p == null) {
        throw new IllegalStateException("acquisition path " + c.acquisitionPath().display() + " is not in the "
            + "aggregate: the ledger and the aggregate were folded from different journeys");
      }
      if (pathValue[p] == null) {
        pathValue[p] = new ExactSum();
      }
      pathValue[p].add(value);
      pathCustomers[p]++;
      for (int m = 0; m < journeyModels.size(); m++) {
        double[] w = c.journeyModelWeights().get(m);
        Map<String, ExactSum[]> sums = journeySums.get(m);
        for (int k = 0; k < w.length; k++) {
          ExactSum[] acc = sums.computeIfAbsent(c.acquisitionChannels().get(k),
              x -> new ExactSum[] {new ExactSum(), new ExactSum()});
          acc[0].add(w[k]);
          acc[1].add(value * w[k]);
        }
      }
    }

    long[] conversions = new long[table.size()];
    long[] nulls = new long[table.size()];
    BigDecimal[] values = new BigDecimal[table.size()];
    BigDecimal[] counts = new BigDecimal[table.size()];
    for (int p = 0; p < table.size(); p++) {
      conversions[p] = table.conversions(p);
      nulls[p] = table.nulls(p);
      values[p] = pathValue[p] == null ? BigDecimal.ZERO : pathValue[p].toBigDecimal();
      counts[p] = BigDecimal.valueOf(pathCustomers[p]);
    }
    SortedMap<String, SortedMap<String, CreditSum>> byValue = new TreeMap<>();
    SortedMap<String, SortedMap<String, CreditSum>> byCount = new TreeMap<>();
    for (int m = 0; m < journeyModels.size(); m++) {
      String name = journeyModels.get(m).name();
      SortedMap<String, CreditSum> original = aggregate.journeyCredits().getOrDefault(name, new TreeMap<>());
      SortedMap<String, CreditSum> v = new TreeMap<>();
      SortedMap<String, CreditSum> n = new TreeMap<>();
      for (Map.Entry<String, CreditSum> e : original.entrySet()) {
        ExactSum[] acc = journeySums.get(m).get(e.getKey());
        v.put(e.getKey(), new CreditSum(e.getValue().conversions(), acc == null ? BigDecimal.ZERO
            : acc[1].toBigDecimal()));
        n.put(e.getKey(), new CreditSum(e.getValue().conversions(), acc == null ? BigDecimal.ZERO
            : acc[0].toBigDecimal()));
      }
      byValue.put(name, v);
      byCount.put(name, n);
    }
    List<ModelResult> lifetime = AttributionRun.fit(withValues(aggregate, values, conversions, nulls, byValue), models);
    List<ModelResult> acquired = AttributionRun.fit(withValues(aggregate, counts, conversions, nulls, byCount), models);

    Map<String, ChannelCreditRow> creditRows = new HashMap<>();
    for (ChannelCreditRow r : credit) {
      creditRows.put(r.model() + '\u0000' + r.channel(), r);
    }
    List<ChannelLifetimeValueRow> rows = new ArrayList<>();
    double unattributedValue = touchlessValue.toBigDecimal().doubleValue();
    for (int m = 0; m < models.size(); m++) {
      ModelResult v = lifetime.get(m);
      ModelResult n = acquired.get(m);
      for (ChannelCredit c : v.credits()) {
        ChannelCredit count = n.credit(c.channel());
        rows.add(row(v.model(), c.channel(), count == null ? 0 : count.value(), c.value(), spend,
            creditRows.get(v.model() + '\u0000' + c.channel())));
      }
      if (touchless > 0) {
        rows.add(row(v.model(), UNATTRIBUTED, touchless, unattributedValue, SpendTable.empty(), null));
      }
    }
    return new ChannelLifetimeValue(rows, analysis, end, buyers.size(), total.toBigDecimal().doubleValue());
  }

  private static JourneyAggregate withValues(JourneyAggregate a, BigDecimal[] values, long[] conversions,
      long[] nulls, SortedMap<String, SortedMap<String, CreditSum>> journeyCredits) {
    return new JourneyAggregate(a.settings(), a.paths().withStats(conversions, values, nulls), journeyCredits, 0,
        BigDecimal.ZERO, 0, 0, 0, a.hasTimestamps());
  }

  private static ChannelLifetimeValueRow row(String model, String channel, double customers, double value,
      SpendTable spend, ChannelCreditRow credit) {
    BigDecimal s = spend.spend(channel);
    Double sp = s == null ? null : s.doubleValue();
    Double perCustomer = customers > 0 ? value / customers : null;
    Double ltvRoas = sp != null && sp > 0 ? value / sp : null;
    return new ChannelLifetimeValueRow(model, channel, customers, value, perCustomer, sp,
        credit == null ? null : credit.roas(), ltvRoas, null, null);
  }
}
