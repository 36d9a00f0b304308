package io.tributary.core.lifetime;

import io.tributary.core.clv.BgNbd;
import io.tributary.core.clv.BgNbdFit;
import io.tributary.core.clv.ClvException;
import io.tributary.core.clv.GammaGamma;
import io.tributary.core.clv.GammaGammaFit;
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
import io.tributary.core.model.PathValues;
import io.tributary.core.model.Revaluable;
import io.tributary.core.model.markov.MarkovModel;
import io.tributary.core.model.rule.TouchWeights;
import io.tributary.core.model.rule.WeightSlots;
import io.tributary.core.options.InputOptionSpec;
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
 * ({@link BgNbd#fit}, {@link GammaGamma#fit}), calibrated to the run's calibration end, and give each buyer an expected lifetime value. Each
 * model is then fitted twice more on the run's own journeys with the value of every converting journey replaced:
 * once by the lifetime value of the customers it acquired (zero for a journey that acquired nobody), once by the
 * number of customers it acquired. A model's attributed value in those fits is the lifetime value, and the new
 * customers, it credits to each channel: a rule model splits each acquisition journey's lifetime value exactly as it
 * splits that journey's conversion; Markov and Shapley apply their value credit to lifetime value. Conversions,
 * non-converting journeys and so every model's fit of conversions stay as they are.
 *
 * @param rows the table, per model (in model order) and channel (in name order; {@code (unattributed)} last)
 * @param purchases the BG/NBD fit
 * @param value the Gamma-Gamma fit, or null when it has no maximum on this data: every purchase is then valued at
 *     {@code fallbackOrderValue}
 * @param fallbackOrderValue the mean value of all valued repeat purchases, used only without a Gamma-Gamma fit; NaN
 *     otherwise
 * @param calibrationEnd the calibration end used
 * @param customers buyers valued
 * @param totalLifetimeValue the sum of their lifetime values (exact sum, rounded once)
 * @param failedReplicates bootstrap replicates left out of the intervals because their fit failed (0 without
 *     intervals)
 */
public record ChannelLifetimeValue(List<ChannelLifetimeValueRow> rows, BgNbdFit purchases, GammaGammaFit value,
    double fallbackOrderValue, LocalDate calibrationEnd, int customers, double totalLifetimeValue,
    int failedReplicates) {
  /** The option that turns lifetime value by channel on, in every engine. */
  public static final String OPTION = "--clv";
  /** The channel of customers whose first purchase had no touch in its window. */
  public static final String UNATTRIBUTED = JourneyAggregate.UNATTRIBUTED;

  public ChannelLifetimeValue {
    rows = List.copyOf(rows);
  }

  /**
   * The one rule of both engines for a run with {@link #OPTION}: it values every purchase a customer made, so it needs
   * customers (an event log, not a path file) and the whole input (no report dates).
   *
   * @param eventLog whether the run's main input is an event log ({@code --events})
   * @param windowed whether the run was given report dates
   * @throws IllegalArgumentException bad input, one line
   */
  public static void requireWholeEventLog(boolean eventLog, boolean windowed) {
    if (!eventLog) {
      throw new IllegalArgumentException(OPTION + " needs an event log (" + InputOptionSpec.EVENTS.flag()
          + "): a path file has no customers");
    }
    if (windowed) {
      throw new IllegalArgumentException(OPTION + " values the whole input: it takes no report dates (--run-date, "
          + "--from/--to); use --conversions all");
    }
  }

  /**
   * The year-over-year figure of {@code conversion_kpis}: the relative change of lifetime value per customer, e.g.
   * 0.15 for the retailer's "+15 % omnichannel CLV year over year".
   *
   * @param now this run's lifetime value per customer
   * @param yearBefore the same figure for the same date a year earlier ({@link LocalDate#minusYears}: 29 February
   *     compares with 28 February), or null when that date has none
   * @return {@code now / yearBefore - 1}, or null when there is no earlier figure or it is not above 0
   */
  public static Double change(double now, Double yearBefore) {
    if (yearBefore == null || !(yearBefore > 0) || Double.isInfinite(yearBefore)) {
      return null;
    }
    return now / yearBefore - 1;
  }

  /**
   * @return what the user should know about the fit, one line each: a weak fit ({@link
   *     io.tributary.core.clv.FitWarnings}) and the Gamma-Gamma fallback when it was used; the same lines in every
   *     engine
   */
  public List<String> warnings() {
    List<String> out = new ArrayList<>(io.tributary.core.clv.FitWarnings.of(purchases, value));
    if (value == null) {
      out.add(String.format(java.util.Locale.ROOT, "note: Gamma-Gamma has no maximum on these order values (they do "
          + "not vary by customer as it assumes): every purchase is valued at the mean repeat order, %.2f",
          fallbackOrderValue));
    }
    if (failedReplicates > 0) {
      out.add("note: " + failedReplicates + " bootstrap replicates of lifetime value could not be fitted (a draw "
          + "without a maximum) and are left out of its intervals");
    }
    return out;
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
    return calibrationEnd(ledger.lastEventMillis(), options, zone);
  }

  private static LocalDate calibrationEnd(long lastEventMillis, ClvOptions options, ZoneId zone) {
    if (options.calibrationEnd() != null) {
      return options.calibrationEnd();
    }
    return LocalDate.ofEpochDay(PurchaseHistory.epochDay(lastEventMillis, zone));
  }

  /**
   * Fits the lifetime-value models and splits the value by channel under every model.
   *
   * @see #compute(JourneyAggregate, List, LifetimeTally, List, SpendTable, ClvOptions, ZoneId)
   */
  public static ChannelLifetimeValue compute(JourneyAggregate aggregate, List<AttributionModel> models,
      LifetimeLedger ledger, List<ChannelCreditRow> credit, SpendTable spend, ClvOptions options, ZoneId zone) {
    return compute(aggregate, models, LifetimeTally.of(ledger), credit, spend, options, zone);
  }

  /**
   * Fits the lifetime-value models and splits the value by channel under every model.
   *
   * @param aggregate the run's merged journeys (what the models were fitted on)
   * @param models the run's models, in output order
   * @param buyers the run's buyers, recorded from the same journeys (in any order, merged from any slices)
   * @param credit the run's {@code channel_credit} rows (for {@code roas})
   * @param spend the window's spend
   * @param options horizon, discount rate, time unit and calibration end
   * @param zone the zone of the run's days
   * @return the table
   * @throws io.tributary.core.clv.ClvException when the models cannot be fitted (no buyers, no repeat buyer, ...)
   */
  public static ChannelLifetimeValue compute(JourneyAggregate aggregate, List<AttributionModel> models,
      LifetimeTally buyers, List<ChannelCreditRow> credit, SpendTable spend, ClvOptions options, ZoneId zone) {
    return compute(aggregate, models, buyers, credit, spend, options, zone, 0, 0);
  }

  /**
   * Like {@link #compute(JourneyAggregate, List, LifetimeTally, List, SpendTable, ClvOptions, ZoneId)}, with 95 %
   * bootstrap intervals of every row's {@code lifetime_value} ({@code ci_low}, {@code ci_high}) when
   * {@code replicates > 0}: buyers resampled, both models refitted per replicate ({@link LifetimeBootstrap}).
   *
   * @param replicates bootstrap replicates ({@code --bootstrap}), 0 for none
   * @param seed their seed ({@code --seed})
   */
  public static ChannelLifetimeValue compute(JourneyAggregate aggregate, List<AttributionModel> models,
      LifetimeTally buyers, List<ChannelCreditRow> credit, SpendTable spend, ClvOptions options, ZoneId zone,
      int replicates, long seed) {
    return withoutRoas(aggregate, models, buyers, spend, options, zone, replicates, seed).withRoas(credit);
  }

  /**
   * Starts {@link #compute(JourneyAggregate, List, LifetimeTally, List, SpendTable, ClvOptions, ZoneId, int, long)}
   * on a thread of its own, for a caller with other work meanwhile: the lifetime fit and its split need only the
   * aggregate and the buyers, and {@code channel_credit} (which the caller is still computing) gives only the
   * {@code roas} column, filled in by {@link Pending#finish}. The result is the same: every step is deterministic
   * whatever runs beside it.
   *
   * @return the computation under way
   */
  public static Pending start(JourneyAggregate aggregate, List<AttributionModel> models, LifetimeTally buyers,
      SpendTable spend, ClvOptions options, ZoneId zone, int replicates, long seed) {
    java.util.concurrent.CompletableFuture<ChannelLifetimeValue> future = new java.util.concurrent.CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        future.complete(withoutRoas(aggregate, models, buyers, spend, options, zone, replicates, seed));
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    }, "lifetime-value");
    t.setDaemon(true); // a run that fails elsewhere first does not wait for it
    t.start();
    return new Pending(future);
  }

  /** A lifetime computation under way ({@link #start}). */
  public static final class Pending {
    private final java.util.concurrent.CompletableFuture<ChannelLifetimeValue> future;

    private Pending(java.util.concurrent.CompletableFuture<ChannelLifetimeValue> future) {
      this.future = future;
    }

    /**
     * Waits for the computation and completes it.
     *
     * @param credit the run's {@code channel_credit} rows (for {@code roas})
     * @return the table, as {@link #compute} gives it
     * @throws io.tributary.core.clv.ClvException as {@link #compute} throws it (any failure of the computation is
     *     rethrown as it was thrown)
     */
    public ChannelLifetimeValue finish(List<ChannelCreditRow> credit) {
      return Joined.value(future).withRoas(credit);
    }
  }

  /* The table with every row's roas still null (it comes from channel_credit: withRoas). */
  private static ChannelLifetimeValue withoutRoas(JourneyAggregate aggregate, List<AttributionModel> models,
      LifetimeTally buyers, SpendTable spend, ClvOptions options, ZoneId zone, int replicates, long seed) {
    LocalDate end = calibrationEnd(buyers.lastEventMillis(), options, zone);
    // The buyers' distinct summaries once, for the fit and for their values.
    PatternSummaries summaries = PatternSummaries.of(buyers, end.toEpochDay(), options.timeUnit());
    LifetimeFit fit = LifetimeFit.of(buyers, summaries, null, end, options, true);
    double[] valueOf = fit.patternValues(buyers, summaries);
    ChannelLifetimeValue point = split(aggregate, models, buyers, null, valueOf, fit, spend);
    if (replicates <= 0) {
      return point;
    }
    LifetimeBootstrap.Intervals ci = LifetimeBootstrap.intervals(point, aggregate, models, buyers, end, options,
        spend, replicates, seed);
    List<ChannelLifetimeValueRow> rows = new ArrayList<>(point.rows().size());
    for (int i = 0; i < point.rows().size(); i++) {
      ChannelLifetimeValueRow r = point.rows().get(i);
      rows.add(Double.isNaN(ci.low()[i]) ? r : r.withInterval(ci.low()[i], ci.high()[i]));
    }
    return new ChannelLifetimeValue(rows, point.purchases(), point.value(), point.fallbackOrderValue(),
        point.calibrationEnd(), point.customers(), point.totalLifetimeValue(), ci.failed());
  }

  /* Every row with its channel's roas of channel_credit, beside ltv_roas; rows without a credit row keep null. */
  private ChannelLifetimeValue withRoas(List<ChannelCreditRow> credit) {
    Map<String, ChannelCreditRow> creditRows = new HashMap<>();
    for (ChannelCreditRow r : credit) {
      creditRows.put(r.model() + '\u0000' + r.channel(), r);
    }
    List<ChannelLifetimeValueRow> out = new ArrayList<>(rows.size());
    for (ChannelLifetimeValueRow r : rows) {
      ChannelCreditRow c = creditRows.get(r.model() + '\u0000' + r.channel());
      out.add(c == null ? r : r.withRoas(c.roas()));
    }
    return new ChannelLifetimeValue(out, purchases, value, fallbackOrderValue, calibrationEnd, customers,
        totalLifetimeValue, failedReplicates);
  }

  /*
   * Splits the buyers' lifetime values (valueOf, per purchase pattern) by channel under every model. weight: how many
   * times each buyer counts (a bootstrap replicate), or null for once each.
   */
  static ChannelLifetimeValue split(JourneyAggregate aggregate, List<AttributionModel> models, LifetimeTally buyers,
      int[] weight, double[] valueOf, LifetimeFit fit, SpendTable spend) {
    PathTable table = aggregate.paths().table();
    int[] pathOf = pathIndex(table, buyers);
    ByPath byPath = ByPath.of(table.size(), pathOf, weight, buyers, valueOf);
    List<JourneyModel> journeyModels = new ArrayList<>();
    for (AttributionModel m : models) {
      if (m instanceof JourneyModel jm) {
        journeyModels.add(jm);
      }
    }
    // Per journey model, per channel id of the table: [customers, lifetime value] credited, exact sums (the same sums
    // in any order). The acquisition paths' distinct channels are looked up once per distinct path, not per buyer.
    ExactSum[][][] journeySums = new ExactSum[journeyModels.size()][table.channels().size()][];
    int[][] channelIds = new int[buyers.distinctPaths()][];
    ExactSum total = new ExactSum();
    ExactSum touchlessValue = new ExactSum();
    ExactSum acquiredValue = new ExactSum(); // the buyers' with a path: the sum of every path's value below
    long touchless = 0;
    long customers = 0;
    for (int i = 0; i < buyers.size(); i++) {
      int times = weight == null ? 1 : weight[i];
      if (times == 0) {
        continue;
      }
      double value = valueOf[buyers.patternId(i)];
      customers += times;
      // Exact sums: adding a value n times is its n-fold, with no rounding, in any order.
      for (int t = 0; t < times; t++) {
        total.add(value);
      }
      if (pathOf[i] < 0) {
        touchless += times;
        for (int t = 0; t < times; t++) {
          touchlessValue.add(value);
        }
        continue;
      }
      for (int t = 0; t < times; t++) {
        acquiredValue.add(value);
      }
      if (journeyModels.isEmpty()) {
        continue;
      }
      int d = buyers.distinctPathId(i);
      int[] ids = channelIds[d];
      if (ids == null) {
        List<String> names = buyers.acquisitionChannels(i);
        ids = new int[names.size()];
        for (int k = 0; k < ids.length; k++) {
          ids[k] = table.channels().id(names.get(k));
        }
        channelIds[d] = ids;
      }
      for (int m = 0; m < journeyModels.size(); m++) {
        ExactSum[][] sums = journeySums[m];
        for (int k = 0; k < ids.length; k++) {
          double w = buyers.weight(i, m, k);
          ExactSum[] acc = sums[ids[k]];
          if (acc == null) {
            acc = new ExactSum[] {new ExactSum(), new ExactSum()};
            sums[ids[k]] = acc;
          }
          for (int t = 0; t < times; t++) {
            acc[0].add(w);
            acc[1].add(value * w);
          }
        }
      }
    }
    // Each path's lifetime value is the exact sum of its buyers' values and its new customers their count: the models
    // that revalue paths read only group sums of them, exact sums of doubles here, with no decimal per path.
    PathValues values = PathValues.ofParts(byPath.start, byPath.value, byPath.times);
    PathValues counts = PathValues.ofCounts(byPath.customers());
    SortedMap<String, SortedMap<String, CreditSum>> byValue = new TreeMap<>();
    SortedMap<String, SortedMap<String, CreditSum>> byCount = new TreeMap<>();
    for (int m = 0; m < journeyModels.size(); m++) {
      String name = journeyModels.get(m).name();
      SortedMap<String, CreditSum> original = aggregate.journeyCredits().getOrDefault(name, new TreeMap<>());
      SortedMap<String, CreditSum> v = new TreeMap<>();
      SortedMap<String, CreditSum> n = new TreeMap<>();
      for (Map.Entry<String, CreditSum> e : original.entrySet()) {
        ExactSum[] acc = table.channels().names().contains(e.getKey())
            ? journeySums[m][table.channels().id(e.getKey())] : null;
        v.put(e.getKey(), new CreditSum(e.getValue().conversions(), acc == null ? BigDecimal.ZERO
            : acc[1].toBigDecimal()));
        n.put(e.getKey(), new CreditSum(e.getValue().conversions(), acc == null ? BigDecimal.ZERO
            : acc[0].toBigDecimal()));
      }
      byValue.put(name, v);
      byCount.put(name, n);
    }
    // Each kind of model refitted the cheapest exact way (the results are those of a refit of the aggregate with the
    // paths' values replaced, bit for bit):
    // - rule models on paths split each path on its own and sum exactly: split straight from the acquisition paths'
    //   exact sums (ruleSplits), no table of decimals;
    // - journey models (time decay) read the folded sums made above: completed and checked as the fit does;
    // - Markov's chain and the Shapley models' channel sets depend on the journeys alone: the run's fit's are
    //   revalued (Revaluable), Markov apart (its solves are the longest of the refits), from exact sums of the
    //   buyers' doubles per chain state or channel set (PathValues): no decimal per path, which on 10M events was
    //   about 100 MB of garbage and with it a fourth young collection of 0.3-0.4 s;
    // - any other model is refitted on the aggregate with the values replaced (their decimals made only then).
    List<AttributionModel> rules = new ArrayList<>();
    List<AttributionModel> others = new ArrayList<>();
    List<AttributionModel> fitted = new ArrayList<>();
    List<MarkovModel> markov = new ArrayList<>();
    for (AttributionModel m : models) {
      if (m instanceof MarkovModel mm) {
        markov.add(mm);
      } else if (TouchWeights.splitsEachPath(m)) {
        rules.add(m);
      } else if (!(m instanceof JourneyModel)) {
        others.add(m);
        if (!(m instanceof Revaluable)) {
          fitted.add(m);
        }
      }
    }
    List<String> channels = io.tributary.core.paths.ChannelDictionary.of(aggregate.paths()).names();
    double totalConversions = aggregate.paths().conversions();
    // The totals of both value arrays, as doubles, for Markov's completion and the other models': each path's value is
    // the exact sum of its buyers' values, so the exact sum of all of them is that of every buyer with a path, and
    // a double is the same whichever exact decimal of the same number it is read from. (Before, the 743,129 exact
    // decimals of many scales of a 10M-event run were summed, twice.)
    double[] totals = {acquiredValue.toBigDecimal().doubleValue(), (double) (customers - touchless)};
    // The refits are independent and each deterministic: made at once, a failure rethrown in their order. Each rule
    // model is a task of its own (together they were the longest task, and the two cores then waited on it).
    int r0 = rules.size();
    int[] acquiring = byPath.acquiring();
    List<Object> refits = java.util.stream.IntStream.range(0, r0 + 3).parallel().mapToObj(k -> {
      try {
        if (k < r0) {
          return ruleSplits(List.of(rules.get(k)), table, byPath, acquiring, channels);
        }
        return switch (k - r0) {
          case 0 -> revalued(aggregate, markov, channels, values, counts, totals);
          default -> {
            PathValues v = k - r0 == 1 ? values : counts;
            SortedMap<String, SortedMap<String, CreditSum>> sums = k - r0 == 1 ? byValue : byCount;
            List<ModelResult> out = new ArrayList<>();
            double totalValue = totals[k - r0 - 1];
            for (int m = 0; m < journeyModels.size(); m++) {
              String name = journeyModels.get(m).name();
              List<ChannelCredit> credits = new ArrayList<>();
              sums.get(name).forEach((c, x) -> credits.add(new ChannelCredit(c, x.conversions().doubleValue(),
                  x.value().doubleValue())));
              out.add(AttributionRun.completed(new ModelResult(name, credits), channels, totalConversions,
                  totalValue));
            }
            java.util.Iterator<ModelResult> refitted = fitted.isEmpty() ? java.util.Collections.emptyIterator()
                : AttributionRun.fit(withValues(aggregate, v.toArray(), sums), fitted).iterator();
            for (AttributionModel m : others) {
              out.add(m instanceof Revaluable r ? AttributionRun.completed(
                  r.attributeRevalued(aggregate.paths(), List.of(v)).get(0), channels, totalConversions, totalValue)
                  : refitted.next());
            }
            yield out;
          }
        };
      } catch (RuntimeException e) {
        return e;
      }
    }).toList();
    for (Object r : refits) {
      if (r instanceof RuntimeException e) {
        throw e;
      }
    }
    List<ModelResult> ruleValues = new ArrayList<>(r0);
    List<ModelResult> ruleCounts = new ArrayList<>(r0);
    for (int k = 0; k < r0; k++) {
      @SuppressWarnings("unchecked")
      List<List<ModelResult>> one = (List<List<ModelResult>>) refits.get(k);
      ruleValues.add(one.get(0).get(0));
      ruleCounts.add(one.get(1).get(0));
    }
    @SuppressWarnings("unchecked")
    List<List<ModelResult>> markovResults = (List<List<ModelResult>>) refits.get(r0);
    List<ModelResult> lifetime = inModelOrder(models, ruleValues, refits.get(r0 + 1), markovResults.get(0));
    List<ModelResult> acquired = inModelOrder(models, ruleCounts, refits.get(r0 + 2), markovResults.get(1));
    List<ChannelLifetimeValueRow> rows = new ArrayList<>();
    double unattributedValue = touchlessValue.toBigDecimal().doubleValue();
    for (int m = 0; m < models.size(); m++) {
      ModelResult v = lifetime.get(m);
      ModelResult n = acquired.get(m);
      for (ChannelCredit c : v.credits()) {
        ChannelCredit count = n.credit(c.channel());
        rows.add(row(v.model(), c.channel(), count == null ? 0 : count.value(), c.value(), spend));
      }
      if (touchless > 0) {
        rows.add(row(v.model(), UNATTRIBUTED, touchless, unattributedValue, SpendTable.empty()));
      }
    }
    return new ChannelLifetimeValue(rows, fit.purchases(), fit.orderValue(), fit.fallbackOrderValue(),
        fit.calibrationEnd(), Math.toIntExact(customers), total.toBigDecimal().doubleValue(), 0);
  }

  /*
   * Each buyer's acquisition path as an index of the aggregate's path table (-1: touchless). The tally's distinct paths
   * (a few hundred thousand at most) go into an open-addressing table keyed by their channel ids; the aggregate's
   * paths (up to millions) are then looked up in place, hashed from the table's own arrays: no object per path.
   */
  private static int[] pathIndex(PathTable table, LifetimeTally buyers) {
    int distinct = buyers.distinctPaths();
    int[][] ids = new int[distinct][];
    int capacity = Integer.highestOneBit(Math.max(4, distinct * 2)) << 1;
    int[] slots = new int[capacity];
    int[] slotHash = new int[capacity]; // the full hash of each slot's path: most probes end on it, not on the ids
    java.util.Arrays.fill(slots, -1);
    for (int d = 0; d < distinct; d++) {
      String[] names = buyers.distinctPathNames(d);
      ids[d] = new int[names.length];
      for (int k = 0; k < names.length; k++) {
        ids[d][k] = table.channels().id(names[k]);
      }
      int full = hash(ids[d]);
      int h = full & (capacity - 1);
      while (slots[h] >= 0) {
        h = (h + 1) & (capacity - 1);
      }
      slots[h] = d;
      slotHash[h] = full;
    }
    int[] tableIndex = new int[distinct];
    java.util.Arrays.fill(tableIndex, -1);
    for (int p = 0; p < table.size(); p++) {
      int length = table.length(p);
      int h = 1;
      for (int k = 0; k < length; k++) {
        h = 31 * h + table.channel(p, k);
      }
      int full = mix(h);
      for (int at = full & (capacity - 1); slots[at] >= 0; at = (at + 1) & (capacity - 1)) {
        int[] candidate = ids[slots[at]];
        if (slotHash[at] == full && candidate.length == length && sameChannels(table, p, candidate)) {
          tableIndex[slots[at]] = p;
          break;
        }
      }
    }
    int[] out = new int[buyers.size()];
    for (int i = 0; i < out.length; i++) {
      int d = buyers.distinctPathId(i);
      if (d < 0) {
        out[i] = -1;
        continue;
      }
      if (tableIndex[d] < 0) {
        throw new IllegalStateException("acquisition path " + buyers.distinctPath(d).display() + " is not in the "
            + "aggregate: the ledger and the aggregate were folded from different journeys");
      }
      out[i] = tableIndex[d];
    }
    return out;
  }

  private static int hash(int[] ids) {
    int h = 1;
    for (int id : ids) {
      h = 31 * h + id;
    }
    return mix(h);
  }

  /* Spreads the polynomial hash over the low bits the table uses. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    return h ^ (h >>> 13);
  }

  private static boolean sameChannels(PathTable table, int p, int[] ids) {
    for (int k = 0; k < ids.length; k++) {
      if (table.channel(p, k) != ids[k]) {
        return false;
      }
    }
    return true;
  }

  /*
   * The results of the rule models, of Markov and of the others (journey models first, then the rest, each in model
   * order), back in the run's model order.
   */
  @SuppressWarnings("unchecked")
  private static List<ModelResult> inModelOrder(List<AttributionModel> models, List<ModelResult> rules,
      Object others, List<ModelResult> markov) {
    java.util.Iterator<ModelResult> r = rules.iterator();
    List<ModelResult> o = (List<ModelResult>) others;
    int journey = 0;
    for (AttributionModel m : models) {
      journey += m instanceof JourneyModel ? 1 : 0;
    }
    java.util.Iterator<ModelResult> j = o.subList(0, journey).iterator();
    java.util.Iterator<ModelResult> f = o.subList(journey, o.size()).iterator();
    java.util.Iterator<ModelResult> k = markov.iterator();
    List<ModelResult> out = new ArrayList<>(models.size());
    for (AttributionModel m : models) {
      out.add(m instanceof MarkovModel ? k.next() : TouchWeights.splitsEachPath(m) ? r.next()
          : m instanceof JourneyModel ? j.next() : f.next());
    }
    return out;
  }

  /*
   * The rule models on paths, split without a refit: each splits every path on its own by weights of the path alone,
   * sums count and value per channel and weight exactly and rounds once (PositionalModel), so its credit of lifetime
   * value is the exact sum over acquisition paths of the path's lifetime value (the exact sum of its buyers' values)
   * times its weights, rounded once: what its fit on the paths with those values gives, bit for bit. [0]: lifetime
   * value, [1]: new customers (the same with each path's customer count), per model in order, every channel listed.
   */
  private static List<List<ModelResult>> ruleSplits(List<AttributionModel> rules, PathTable table, ByPath byPath,
      int[] paths, List<String> channels) {
    int[] start = byPath.start;
    double[] value = byPath.value;
    int[] times = byPath.times;
    List<ModelResult> byValue = new ArrayList<>(rules.size());
    List<ModelResult> byCount = new ArrayList<>(rules.size());
    for (AttributionModel m : rules) {
      WeightedSums[] sums = new WeightedSums[table.channels().size()];
      // Each path's weights once per model, each of its buyers' values added into the slot of each touch's channel and
      // weight (adding a path's values one by one is the same exact sum as adding their sum, and cheaper than adding
      // a 70-slot sum per touch).
      for (int p : paths) {
        double[] w = TouchWeights.of(m, table, p);
        for (int k = 0; k < w.length; k++) {
          if (w[k] == 0) {
            continue;
          }
          int c = table.channel(p, k);
          if (sums[c] == null) {
            sums[c] = new WeightedSums();
          }
          int slot = sums[c].slotOf(w[k]);
          ExactSum sum = sums[c].values[slot];
          long customers = 0;
          for (int j = start[p]; j < start[p + 1]; j++) {
            for (int t = times == null ? 1 : times[j]; t > 0; t--) {
              sum.add(value[j]);
              customers++;
            }
          }
          sums[c].count(slot, customers);
        }
      }
      SortedMap<String, double[]> credit = new TreeMap<>();
      for (String c : channels) {
        credit.put(c, new double[] {0, 0});
      }
      for (int c = 0; c < sums.length; c++) {
        if (sums[c] != null) {
          credit.put(table.channels().name(c), sums[c].credit());
        }
      }
      List<ChannelCredit> v = new ArrayList<>(credit.size());
      List<ChannelCredit> n = new ArrayList<>(credit.size());
      credit.forEach((c, x) -> {
        v.add(new ChannelCredit(c, 0, x[1]));
        n.add(new ChannelCredit(c, 0, x[0]));
      });
      byValue.add(new ModelResult(m.name(), v));
      byCount.add(new ModelResult(m.name(), n));
    }
    return List.of(byValue, byCount);
  }

  /*
   * The buyers with an acquisition path, listed by path (a counting sort), each with its lifetime value and how many
   * times it counts: buyers of path p are [start[p], start[p + 1]). Made once per split for every model's refit.
   */
  private record ByPath(int[] start, double[] value, int[] times) {
    static ByPath of(int paths, int[] pathOf, int[] weight, LifetimeTally buyers, double[] valueOf) {
      int[] start = new int[paths + 1];
      for (int i = 0; i < pathOf.length; i++) {
        if (pathOf[i] >= 0 && (weight == null || weight[i] > 0)) {
          start[pathOf[i] + 1]++;
        }
      }
      for (int p = 0; p < paths; p++) {
        start[p + 1] += start[p];
      }
      double[] value = new double[start[paths]];
      int[] times = weight == null ? null : new int[start[paths]];
      int[] next = java.util.Arrays.copyOf(start, paths);
      for (int i = 0; i < pathOf.length; i++) {
        if (pathOf[i] >= 0 && (weight == null || weight[i] > 0)) {
          int j = next[pathOf[i]]++;
          value[j] = valueOf[buyers.patternId(i)];
          if (times != null) {
            times[j] = weight[i];
          }
        }
      }
      return new ByPath(start, value, times);
    }

    /* The acquisition paths (about a third of a run's table), in table order. */
    int[] acquiring() {
      int n = 0;
      for (int p = 0; p + 1 < start.length; p++) {
        n += start[p] < start[p + 1] ? 1 : 0;
      }
      int[] paths = new int[n];
      for (int p = 0, k = 0; p + 1 < start.length; p++) {
        if (start[p] < start[p + 1]) {
          paths[k++] = p;
        }
      }
      return paths;
    }

    /* Each path's new customers: its buyers, each counted as many times as it counts. */
    long[] customers() {
      long[] out = new long[start.length - 1];
      for (int p = 0; p < out.length; p++) {
        if (times == null) {
          out[p] = start[p + 1] - start[p];
        } else {
          for (int j = start[p]; j < start[p + 1]; j++) {
            out[p] += times[j];
          }
        }
      }
      return out;
    }
  }

  /*
   * One channel's customers and lifetime value by the weight they were credited at: exact sums, multiplied by their
   * weight exactly and rounded once at the end, as the rule models' own sums.
   */
  private static final class WeightedSums extends WeightSlots {
    private ExactSum[] values = new ExactSum[4];

    /* The slot of weight w: a new one, its sums zero, the first time w is met. */
    int slotOf(double weight) {
      return slot(weight);
    }

    void count(int slot, long customers) {
      conversions[slot] += customers;
    }

    @Override
    protected void grow(int capacity) {
      values = java.util.Arrays.copyOf(values, capacity);
    }

    @Override
    protected void open(int slot) {
      values[slot] = new ExactSum();
    }

    /* [customers, value], each the exact sum over weights rounded once. */
    double[] credit() {
      return decimalCredit(i -> values[i].toBigDecimal());
    }
  }

  /*
   * Every Markov model refitted with lifetime values and with new-customer counts on every path (conversions and nulls
   * as they are): [0] the results with values, [1] with counts, in model order. The same results, completed and
   * checked, as AttributionRun.fit gives on the aggregate with those values.
   */
  private static List<List<ModelResult>> revalued(JourneyAggregate aggregate, List<MarkovModel> markov,
      List<String> channels, PathValues values, PathValues counts, double[] totals) {
    List<ModelResult> byValue = new ArrayList<>();
    List<ModelResult> byCount = new ArrayList<>();
    if (!markov.isEmpty()) {
      double conversions = aggregate.paths().conversions();
      double totalValue = totals[0];
      double totalCount = totals[1];
      for (MarkovModel m : markov) {
        List<ModelResult> r = m.attributeRevalued(aggregate.paths(), List.of(values, counts));
        byValue.add(AttributionRun.completed(r.get(0), channels, conversions, totalValue));
        byCount.add(AttributionRun.completed(r.get(1), channels, conversions, totalCount));
      }
    }
    return List.of(byValue, byCount);
  }

  private static JourneyAggregate withValues(JourneyAggregate a, BigDecimal[] values,
      SortedMap<String, SortedMap<String, CreditSum>> journeyCredits) {
    PathTable table = a.paths().table();
    long[] conversions = new long[table.size()];
    long[] nulls = new long[table.size()];
    for (int p = 0; p < table.size(); p++) {
      conversions[p] = table.conversions(p);
      nulls[p] = table.nulls(p);
    }
    return new JourneyAggregate(a.settings(), a.paths().withStats(conversions, values, nulls), journeyCredits, 0,
        BigDecimal.ZERO, 0, 0, 0, a.hasTimestamps());
  }

  private static ChannelLifetimeValueRow row(String model, String channel, double customers, double value,
      SpendTable spend) {
    BigDecimal s = spend.spend(channel);
    Double sp = s == null ? null : s.doubleValue();
    Double perCustomer = customers > 0 ? value / customers : null;
    Double ltvRoas = sp != null && sp > 0 ? value / sp : null;
    return new ChannelLifetimeValueRow(model, channel, customers, value, perCustomer, sp, null, ltvRoas, null, null);
  }
}
