package io.tributary.spark;

import io.tributary.core.Errors;
import io.tributary.core.segment.SegmentedAggregate;
import io.tributary.core.segment.SegmentedReport;
import io.tributary.core.segment.Segmentation;
import io.tributary.core.InputException;
import io.tributary.core.TributaryException;
import io.tributary.core.input.RangeCheck;
import io.tributary.core.input.InputNotes;
import io.tributary.core.input.PathTotals;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.lifetime.ChannelLifetimeValue;
import io.tributary.core.lifetime.HoldoutCheck;
import io.tributary.core.lifetime.LifetimeTally;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.MarkovDiagnostics;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AggregateCodec;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.Requirement;
import io.tributary.core.output.KpiRow;
import io.tributary.core.output.Rejection;
import io.tributary.core.output.RunLogEntry;
import io.tributary.core.paths.PathCounts;
import io.tributary.core.window.DatedAggregates;
import io.tributary.core.window.DateRange;
import io.tributary.core.window.WindowedReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * One run of the job, step by step: side inputs (identities, consent, spend) are small and collected to the driver;
 * the event log is parsed, stitched and filtered on the executors, shuffled by unified customer id and folded per
 * partition with the core; the driver merges the per-partition aggregates, computes the report with the core and
 * writes the tables. Nothing is written before every check has passed.
 */
final class NightlyRun {
  private final SparkSession spark;
  /** The session the output tables are written with ({@link TableWriter#session}): report rows are built in it. */
  private final SparkSession tableSession;
  private final JobConfig cfg;
  private final JavaSparkContext jsc;
  private final List<Row> sideRejected = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<LocalDate, SpendTable> spendByDate = new TreeMap<>();
  private long read;
  private long accepted;
  private long excluded;
  private final Map<String, Long> phases = new LinkedHashMap<>();
  private long phaseStart = System.nanoTime();
  /** The publish record of a Delta output once every table has committed ({@link Publication}), else null. */
  private String tableVersions;

  private NightlyRun(SparkSession spark, SparkSession tableSession, JobConfig cfg) {
    this.spark = spark;
    this.tableSession = tableSession;
    this.cfg = cfg;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  /** @see AttributionJob#run */
  static JobResult run(SparkSession spark, JobConfig cfg) {
    Instant started = Instant.now();
    String runId = UUID.randomUUID().toString();
    TableWriter writer = new TableWriter(spark, cfg.output(), cfg.format(), runId);
    NightlyRun run = new NightlyRun(spark, writer.session(), cfg);
    try {
      JobResult result = run.execute(writer);
      // The publish step: this row, one commit after every table's, names the versions that show the run. A range
      // writes one row per date, all with the run's id, each counting the run's input and its own date's journeys.
      Instant finished = Instant.now();
      List<Row> log = new ArrayList<>();
      for (WindowedReport.Dated d : result.dates()) {
        RunStats s = result.stats();
        log.add(OutputTables.runLog(d.date(), runId, new RunStats(s.inputs(), s.read(), s.accepted(), s.rejected(),
            s.excluded(), s.customers(), d.report().kpis().journeys()), started, finished, RunLogEntry.SUCCEEDED, null,
            AttributionJob.version(), run.tableVersions));
      }
      writer.append(OutputTables.RUN_LOG, spark.createDataFrame(log, OutputTables.RUN_LOG_SCHEMA).coalesce(1));
      return result;
    } catch (TributaryException | IllegalArgumentException e) {
      run.logFailure(writer, runId, started, e.getMessage());
      throw e;
    }
  }

  private void logFailure(TableWriter writer, String runId, Instant started, String message) {
    try {
      RunStats stats = new RunStats(cfg.describeInputs(), read, accepted, read - accepted, excluded, 0, 0);
      writer.append(OutputTables.RUN_LOG, spark.createDataFrame(List.of(OutputTables.runLog(cfg.runDate(), runId,
          stats, started, Instant.now(), RunLogEntry.FAILED, message, AttributionJob.version(), null)),
          OutputTables.RUN_LOG_SCHEMA).coalesce(1));
    } catch (RuntimeException ignored) {
      // The failure itself is what the caller reports; an unwritable log must not hide it.
    }
  }

  private JobResult execute(TableWriter writer) {
    boolean events = cfg.events() != null;
    List<AttributionModel> models =
        cfg.models().resolve(events ? Set.of(Requirement.TIMESTAMPS) : Set.of());
    cfg.models().journeyOptions(); // validates the lookback before any data is read
    ZoneId.of(cfg.timezone());
    TouchpointLevel touchpoint = cfg.models().touchpoint();
    TouchpointLevel.checkInput(touchpoint, events, cfg.lifetime() != null);

    Broadcast<Map<String, String>> identities = cfg.identities() == null ? null : jsc.broadcast(identities());
    Set<String> consentIds = cfg.consent() == null ? null : consent();
    Broadcast<Set<String>> consent = consentIds == null ? null : jsc.broadcast(consentIds);
    SpendTable spend = cfg.spend() == null ? SpendTable.empty() : spend();
    phase("side inputs");
    // A re-run's tables: their Delta state loads while the input is read (TableWriter#preload).
    writer.preload(Publication.reportTables());

    InputSpec main = events ? cfg.events() : cfg.paths();
    // A windowed run over a Delta or Parquet lake reads its window's read range only (partition pruning and a pushed
    // timestamp filter), so a nightly run's cost does not grow with history. A CSV is read whole either way; there
    // the window's own filter below drops the out-of-range events and they still count as read, as in the CLI.
    DateRange scanDates = cfg.eventDates() != null ? cfg.eventDates()
        : events && cfg.window().windowed()
            && SourceReader.detect(spark, cfg.events()) != InputSpec.Format.CSV ? cfg.readDates() : null;
    Optional<DateScan> dates = events && scanDates != null
        ? Optional.of(new DateScan(scanDates, cfg.eventDateColumn(),
            cfg.mapping().mapping().source("timestamp")))
        : Optional.empty();
    RowHandler handler = events
        ? new EventRows(cfg.mapping(), cfg.timezone(), identities, consent, dates.orElse(null), touchpoint,
            cfg.models().segmentation().eventColumns())
        : new PathRows(cfg.mapping(), cfg.pathSeparator());
    // Files whose splits disagree on a record boundary (a quoted line break across one) are read again in one piece;
    // nothing of the first reading is kept.
    Set<String> onePiece = new HashSet<>();
    Dataset<Row> folded;
    // The fold's records as the executors made them, cached as objects: the partitions' aggregates (tens of MB each
    // with --segment-by) are held by reference, not copied into Spark's row and column formats (issue 14: those
    // copies and their collections were seconds of a segmented run's fold stage).
    JavaRDD<Row> foldedRecords;
    List<Row> small;
    while (true) {
      JavaRDD<Row> f;
      if (events) {
        // As many customer partitions as input splits (about one per 32-128 MB of input), at least one per core: the
        // fold's per-partition cost is small, but hundreds of near-empty partitions on a small input are not. The
        // reading tasks pack each partition's events into batches (EventRows), so the count comes first.
        int partitions = Math.max(jsc.defaultParallelism(),
            SourceReader.read(spark, main, handler, onePiece, dates).getNumPartitions());
        // A windowed run keeps only the events of its read range (a CSV is read whole; counts, rejections and notes
        // pass).
        DateRange keep = cfg.window().windowed()
            ? cfg.window().readRange(cfg.models().journeyOptions().lookback(), ZoneId.of(cfg.timezone())) : null;
        EventRows packing = ((EventRows) handler).partitioned(partitions, keep);
        JavaRDD<Row> byCustomer = SourceReader.read(spark, main, packing, onePiece, dates)
            .mapToPair(r -> new scala.Tuple2<>(CustomerPartitions.of(r, partitions), r))
            .partitionBy(new CustomerPartitions(partitions))
            .values()
            .mapPartitions(new JourneyFold(cfg.models(), cfg.lifetime() == null ? null : cfg.timezone(),
                cfg.window(), cfg.timezone()), true);
        f = byCustomer;
      } else {
        f = SourceReader.read(spark, main, handler, onePiece, dates);
      }
      f = f.persist(StorageLevel.MEMORY_AND_DISK());
      List<Row> s = f.filter(r -> switch (r.getInt(ParsedRecords.KIND)) {
            case ParsedRecords.COUNT, ParsedRecords.AGGREGATE, ParsedRecords.TOTALS, ParsedRecords.NOTES,
                ParsedRecords.LIFETIME -> true;
            default -> false;
          })
          .collect();
      Set<String> disagree = SplitChecks.disagreeing(s.stream()
          .filter(r -> r.getInt(ParsedRecords.KIND) == ParsedRecords.COUNT).toList());
      if (disagree.isEmpty() || onePiece.containsAll(disagree)) {
        foldedRecords = f;
        folded = spark.createDataFrame(f, ParsedRecords.SCHEMA);
        small = s;
        break;
      }
      f.unpersist();
      for (String file : disagree) {
        if (onePiece.add(file)) {
          notes.add(RangeCheck.onePieceNote(file));
        }
      }
    }
    try {
      phase("read and fold");
      List<Row> counts = new ArrayList<>();
      List<Row> totals = new ArrayList<>();
      long gapShifts = 0;
      BitSet matchedOptOuts = new BitSet();
      List<byte[]> payloads = new ArrayList<>();
      Map<LocalDate, List<byte[]>> datedPayloads = new TreeMap<>();
      List<byte[]> buyerPayloads = new ArrayList<>();
      long customers = 0;
      for (Row r : small) {
        switch (r.getInt(ParsedRecords.KIND)) {
          case ParsedRecords.COUNT -> counts.add(r);
          case ParsedRecords.TOTALS -> totals.add(r);
          case ParsedRecords.NOTES -> {
            gapShifts += r.getLong(ParsedRecords.N1);
            matchedOptOuts.or(BitSet.valueOf((byte[]) r.get(ParsedRecords.PAYLOAD)));
          }
          case ParsedRecords.LIFETIME -> buyerPayloads.add((byte[]) r.get(ParsedRecords.PAYLOAD));
          default -> {
            customers += r.getLong(ParsedRecords.N1);
            byte[] payload = (byte[]) r.get(ParsedRecords.PAYLOAD);
            if (r.isNullAt(ParsedRecords.TS)) {
              if (payload != null) {
                payloads.add(payload);
              }
            } else {
              datedPayloads.computeIfAbsent(LocalDate.ofEpochDay(r.getLong(ParsedRecords.TS)),
                  d -> new ArrayList<>()).add(payload);
            }
          }
        }
      }
      // The payloads are in the lists above now; the collected records are not read again. A segmented run's are
      // hundreds of MB that would otherwise stay reachable through the write (issue 14: full collections).
      small = null;
      if (sum(counts, ParsedRecords.N1) == sum(counts, ParsedRecords.N2)) {
        // No rejected event row: the cached fold records (their only other reader) are not read again. They go
        // before the merge, which otherwise decodes beside a second copy of every payload (the collected payloads
        // are copies of the cached ones), hundreds of MB with segments for the collector to copy (issue 14).
        foldedRecords.unpersist();
      }
      // An error that stopped a split's reading comes first: the path totals of such a split are cut short.
      SplitChecks.throwFirstError(counts, LineNumbers.of(counts));
      checkPathTotals(totals, LineNumbers.of(counts), main, onePiece);
      // The partitions' aggregates merged as they are decoded (the core's AggregateCodec#decodeMerged): every
      // aggregate to build ((all) and each segment value) reads its parts from all payloads into one, on the driver's
      // cores, so no partition's aggregate is built only to be merged away. Merging is exact and order-free.
      Segmentation segmentation = cfg.models().segmentation();
      SegmentedAggregate segmentedAggregate = payloads.isEmpty() ? null : AggregateCodec.decodeMerged(payloads);
      payloads.clear(); // decoded: the bytes can go
      JourneyAggregate aggregate = segmentedAggregate == null ? null : segmentedAggregate.all();
      if (aggregate == null) {
        aggregate = events
            ? JourneyAggregate.builder(cfg.models().journeyOptions(), models).build()
            : JourneyAggregate.ofPaths(PathRows.SETTINGS, PathCounts.empty());
      }
      phase("merge");
      long mainRead = sum(counts, ParsedRecords.N1);
      long mainAccepted = sum(counts, ParsedRecords.N2);
      read += mainRead;
      accepted += mainAccepted;
      excluded += sum(counts, ParsedRecords.N3);
      LineNumbers lines = LineNumbers.of(counts);
      LocalDate runDate = cfg.runDate();
      Dataset<Row> mainRejected = folded.filter(functions.col("kind").equalTo(ParsedRecords.REJECTED))
          .map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> OutputTables.rejected(runDate,
              new Rejection(r.getString(ParsedRecords.FILE), lines.line(r), r.getString(ParsedRecords.REASON),
                  r.getString(ParsedRecords.RAW))), Encoders.row(OutputTables.REJECTED_ROWS_SCHEMA));
      if (mainRead == 0) {
        // The core's words (the CLI's too), thrown as the job's own "stopped on its input" (AttributionJob#run).
        throw new JobFailedException(Errors.noDataRows(main.toString()).getMessage());
      }
      checkShare(main.toString(), mainRead, mainRead - mainAccepted, () -> firstRejected(mainRejected));

      List<WindowedReport.Dated> dated = reports(aggregate, datedPayloads, models, spend, touchpoint);
      notes.addAll(WindowedReport.segmentNotes(dated));
      AttributionReport report = dated.get(dated.size() - 1).report();
      boolean windowed = cfg.window().windowed();
      long journeys = 0;
      for (WindowedReport.Dated d : dated) {
        journeys += d.report().kpis().journeys();
      }
      RunStats stats = new RunStats(cfg.describeInputs(), read, accepted, read - accepted, excluded, customers,
          journeys);
      phase("models and report");
      ChannelLifetimeValue lifetime = null;
      Double lifetimeChange = null;
      HoldoutCheck holdout = null;
      if (cfg.lifetime() != null) {
        // The partitions' buyers on the driver: a few ints per buyer plus each distinct purchase pattern and path once
        // (LifetimeTally); the fit needs them all at once, and the split is the core's, as in the CLI.
        LifetimeTally buyers = new LifetimeTally();
        for (byte[] b : buyerPayloads) {
          buyers.addAll(LifetimeTally.decode(b));
        }
        var modelOptions = cfg.models().modelOptions();
        lifetime = ChannelLifetimeValue.compute(aggregate, models, buyers, report.channelCredit(), spend,
            cfg.lifetime(), ZoneId.of(cfg.timezone()), modelOptions.bootstrapReplicates(), modelOptions.seed());
        lifetimeChange = ChannelLifetimeValue.change(lifetime.meanLifetimeValue(), yearBefore(writer));
        notes.addAll(lifetime.warnings());
        try {
          holdout = HoldoutCheck.of(buyers, lifetime.calibrationEnd(), cfg.lifetime());
        } catch (io.tributary.core.clv.ClvException e) {
          // The check is a diagnostic: a calibration part too short to fit must not fail the run's tables.
          notes.add("note: no lifetime_holdout rows: " + e.getMessage());
        }
        phase("lifetime value");
      }
      HoldoutCheck check = holdout;
      KpiRow kpis = new KpiRow(report.kpis(), lifetime, lifetimeChange);
      ChannelLifetimeValue clv = lifetime;
      LocalDate first = dated.get(0).date();
      LocalDate last = dated.get(dated.size() - 1).date();
      boolean segmenting = segmentation.enabled() && segmentedAggregate != null
          && !segmentedAggregate.names().isEmpty();
      // Every check has passed: the tables an unpublished run left are repaired before this run writes any.
      Map<String, Long> published = writer.format() == OutputFormat.DELTA ? Publication.repair(writer) : null;
      TableWrites writes = new TableWrites();
      try {
        // path_summary, the largest table, depends on the all-customer journeys alone (unless --segment-by asks for
        // each value's paths too): it is written while the segment values are fitted, which keeps both cores busy
        // where the write alone waits on commits and collections (issue 14).
        JourneyAggregate all = aggregate;
        Runnable pathSummary = segmenting
            ? segmentation.perSegmentPaths() ? null : () -> writer.replace(OutputTables.PATH_SUMMARY,
                allPathSummary(all, segmentation.names(), first), first, last)
            : () -> writer.replace(OutputTables.PATH_SUMMARY, dated.get(0).segmented() != null
                ? segmentedFrame(io.tributary.core.output.OutputTables.PATH_SUMMARY, dated,
                    SegmentedReport::pathSummary)
                : frame(OutputTables.pathSummary(dated), OutputTables.PATH_SUMMARY_SCHEMA), first, last);
        if (pathSummary != null) {
          writes.start(pathSummary);
        }
        Dataset<Row> sideRejectedRows = frame(sideRejected, OutputTables.REJECTED_ROWS_SCHEMA);
        // The usual night has no rejected event rows: then no job needs to look for them.
        Dataset<Row> rejected = mainRead == mainAccepted ? sideRejectedRows.coalesce(1)
            : mainRejected.union(sideRejectedRows).coalesce(1);
        Runnable rejectedRows = () -> writer.replace(OutputTables.REJECTED_ROWS, rejected, first, last);
        boolean rollup = dated.stream().anyMatch(d -> !d.report().channelRollup().isEmpty());
        Runnable channelRollup = rollup || writer.exists(OutputTables.CHANNEL_ROLLUP)
            ? () -> writer.replace(OutputTables.CHANNEL_ROLLUP,
                frame(OutputTables.channelRollup(dated), OutputTables.CHANNEL_ROLLUP_SCHEMA), first, last)
            : null;
        SegmentedReport segmented = null;
        if (segmenting) {
          // The tables of the all-customer report alone (rejected rows, the channel roll-up) are written while the
          // segment values are fitted, as path_summary is: each replace is mostly a commit's fixed cost (issue 14).
          writes.start(rejectedRows);
          rejectedRows = null;
          if (channelRollup != null) {
            writes.start(channelRollup);
            channelRollup = null;
          }
          segmented = SegmentedReport.compute(segmentedAggregate, models, report, kpis, segmentation);
          // The segment values' aggregates (two thirds of the merged paths with two segments) are not read again:
          // they leave the heap now rather than live through the write, whose collections would copy them.
          segmentedAggregate = null;
          notes.addAll(segmented.notes());
          phase("models per segment");
        }
        // A segmented run's tables, date by date: a whole-input run's one date gets its segmented report here, a
        // windowed run's dates came with theirs (WindowedReport).
        List<WindowedReport.Dated> out = segmented == null ? dated : List.of(new WindowedReport.Dated(
            dated.get(0).date(), report, dated.get(0).markov(), dated.get(0).fits(), segmented));
        boolean seg = out.get(0).segmented() != null;

        LocalDate date = cfg.runDate();
        boolean markov = dated.stream().anyMatch(d -> d.markov().isPresent());
        boolean fits = dated.stream().anyMatch(d -> !d.fits().isEmpty());
        if (pathSummary == null) {
          writes.start(() -> writer.replace(OutputTables.PATH_SUMMARY,
              segmentedFrame(io.tributary.core.output.OutputTables.PATH_SUMMARY, out, SegmentedReport::pathSummary),
              first, last));
        }
        if (rejectedRows != null) {
          writes.start(rejectedRows);
        }
        writes.startAll(List.of(
            () -> writer.replace(OutputTables.CONVERSION_KPIS, seg
                ? segmentedFrame(io.tributary.core.output.OutputTables.CONVERSION_KPIS, out, SegmentedReport::kpis)
                : windowed ? frame(OutputTables.conversionKpis(dated), OutputTables.conversionKpisSchema(dated))
                    : frame(OutputTables.conversionKpis(date, kpis), OutputTables.conversionKpisSchema(kpis)),
                first, last),
            () -> writer.replace(OutputTables.CHANNEL_CREDIT, seg
                ? segmentedFrame(io.tributary.core.output.OutputTables.CHANNEL_CREDIT, out,
                    SegmentedReport::channelCredit)
                : frame(OutputTables.channelCredit(dated), OutputTables.channelCreditSchema(dated)), first, last)));
        // --touchpoint channel/campaign: the roll-up beside the campaign rows. A later channel-level run of the date
        // empties it, so no date keeps a roll-up of credit it no longer holds.
        if (channelRollup != null) {
          writes.start(channelRollup);
        }
        // The chain's tables exist once a run fitted markov; a later run of the date without it empties them, so no
        // date keeps a chain that its credit no longer comes from.
        if (markov || writer.exists(OutputTables.MARKOV_TRANSITIONS)) {
          writes.start(() -> writer.replace(OutputTables.MARKOV_TRANSITIONS, seg
              ? segmentedFrame(io.tributary.core.output.OutputTables.MARKOV_TRANSITIONS, out,
                  SegmentedReport::transitions)
              : frame(OutputTables.markovTransitions(dated), OutputTables.MARKOV_TRANSITIONS_SCHEMA), first, last));
          writes.start(() -> writer.replace(OutputTables.REMOVAL_EFFECTS, seg
              ? segmentedFrame(io.tributary.core.output.OutputTables.REMOVAL_EFFECTS, out, SegmentedReport::removals)
              : frame(OutputTables.removalEffects(dated), OutputTables.REMOVAL_EFFECTS_SCHEMA), first, last));
        }
        // Likewise the fits of a windowed run's data-driven models.
        if (fits || writer.exists(OutputTables.MODEL_FIT)) {
          writes.start(() -> writer.replace(OutputTables.MODEL_FIT,
              frame(OutputTables.modelFits(dated), OutputTables.MODEL_FIT_SCHEMA), first, last));
        }
        // Like the chain's tables: once a run wrote lifetime value, a later run of the date without it empties it.
        if (clv != null || writer.exists(OutputTables.CHANNEL_LIFETIME_VALUE)) {
          writes.start(() -> writer.replace(OutputTables.CHANNEL_LIFETIME_VALUE,
              frame(OutputTables.channelLifetimeValue(date, clv), OutputTables.channelLifetimeValueSchema(clv)), date));
        }
        if (check != null || writer.exists(OutputTables.LIFETIME_HOLDOUT)) {
          writes.start(() -> writer.replace(OutputTables.LIFETIME_HOLDOUT,
              frame(OutputTables.lifetimeHoldout(date, check), OutputTables.LIFETIME_HOLDOUT_SCHEMA), date));
        }
        writes.awaitAll();
      } finally {
        writes.close();
      }
      if (published != null) {
        published.putAll(writer.versions());
        tableVersions = RunLogEntry.tableVersions(published);
      }
      phase("write");
      if (consentIds != null) {
        notes.add(InputNotes.optOuts(cfg.consent().toString(), consentIds.size(),
            ConsentList.of(consentIds).unmatched(matchedOptOuts)));
      }
      if (gapShifts > 0) {
        notes.add(InputNotes.gapShifts(main.toString(), gapShifts, ZoneId.of(cfg.timezone())));
      }
      return new JobResult(cfg.runDate(), stats, report, cfg.output(), phases, notes, lifetime, dated);
    } finally {
      foldedRecords.unpersist();
    }
  }

  /**
   * The reports to write: the whole input's, in the run date's partition; or, in a windowed run, one per report date,
   * from the dates' merged aggregates (the core's {@link WindowedReport}), each with the spend of its date.
   */
  private List<WindowedReport.Dated> reports(JourneyAggregate aggregate, Map<LocalDate, List<byte[]>> dated,
      List<AttributionModel> models, SpendTable spend, TouchpointLevel touchpoint) {
    if (!cfg.window().windowed()) {
      AttributionReport report =
          AttributionReport.compute(aggregate, models, spend, cfg.models().modelOptions(), touchpoint);
      return List.of(new WindowedReport.Dated(cfg.runDate(), report, MarkovDiagnostics.of(aggregate, models),
          List.of()));
    }
    TreeMap<LocalDate, SegmentedAggregate> byDate = new TreeMap<>();
    dated.forEach((d, payloads) -> byDate.put(d, AggregateCodec.decodeMerged(payloads)));
    JourneyAggregate empty = JourneyAggregate.builder(cfg.models().journeyOptions(), models).build();
    return WindowedReport.compute(DatedAggregates.ofSegmented(byDate), cfg.window(), empty, models,
        cfg.models().modelOptions(), d -> spendByDate.getOrDefault(d, SpendTable.empty()), touchpoint,
        cfg.models().segmentation());
  }

  /**
   * The report tables' replaces, each started as soon as its rows are known and all running at the same time: each
   * is its own Delta commit, and most of a commit's time is driver-side bookkeeping that overlaps well.
   * {@link #awaitAll} rethrows the first failure once all have finished; {@link #close} after a failure elsewhere
   * waits for the writes already started (their commits are this unpublished run's, which the next run repairs:
   * {@link Publication}).
   */
  private static final class TableWrites implements AutoCloseable {
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "tributary-table-writer");
      t.setDaemon(true);
      return t;
    });
    private final List<Future<?>> pending = new ArrayList<>();

    void start(Runnable write) {
      pending.add(pool.submit(write));
    }

    void startAll(List<Runnable> writes) {
      writes.forEach(this::start);
    }

    /** Waits for every write started; rethrows the first failure (in start order). */
    void awaitAll() {
      RuntimeException first = null;
      for (Future<?> f : pending) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing the tables", e);
        }
      }
      pending.clear();
      if (first != null) {
        throw first;
      }
    }

    @Override
    public void close() {
      try {
        if (!pending.isEmpty()) {
          // A failure before awaitAll: the run reports that one; the writes started meanwhile finish first, so no
          // table is written to after the run has logged its failure.
          try {
            awaitAll();
          } catch (RuntimeException ignored) {
            // The failure already on its way out is the one to report.
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /*
   * Lifetime value per customer of the same date a year earlier, from this output's conversion_kpis, or null when that
   * partition does not exist or was written without lifetime value.
   */
  private Double yearBefore(TableWriter writer) {
    if (!writer.exists(OutputTables.CONVERSION_KPIS)) {
      return null;
    }
    String column = io.tributary.core.output.OutputTables.LIFETIME_VALUE_PER_CUSTOMER;
    Dataset<Row> table = tableSession.read().format(cfg.format() == OutputFormat.DELTA ? "delta" : "parquet")
        .load(writer.location(OutputTables.CONVERSION_KPIS));
    if (!java.util.Arrays.asList(table.columns()).contains(column)) {
      return null;
    }
    List<Row> rows = table.where(functions.col(OutputTables.RUN_DATE)
            .equalTo(functions.lit(java.sql.Date.valueOf(cfg.runDate().minusYears(1)))))
        .select(column).collectAsList();
    return rows.isEmpty() || rows.get(0).isNullAt(0) ? null : rows.get(0).getDouble(0);
  }

  private void phase(String name) {
    long now = System.nanoTime();
    phases.put(name, (now - phaseStart) / 1_000_000);
    phaseStart = now;
  }

  /* A whole-input segmented run's path_summary: the all-customer paths, every segment column (all). */
  private Dataset<Row> allPathSummary(JourneyAggregate all, List<String> names, LocalDate date) {
    var rows = SegmentedReport.pathSummaryOfAll(all, names.size());
    var base = io.tributary.core.output.OutputTables.PATH_SUMMARY;
    return frame(OutputTables.segmentedRows(base, names, date, rows), OutputTables.segmentedSchema(base, names, rows));
  }

  /* A segmented table's rows of every date as a frame of the run's segmented schema. */
  private <R> Dataset<Row> segmentedFrame(io.tributary.core.output.TableSchema<R> base,
      List<WindowedReport.Dated> dates,
      java.util.function.Function<SegmentedReport, List<io.tributary.core.output.SegmentRow<R>>> of) {
    List<String> names = cfg.models().segmentation().names();
    return frame(OutputTables.segmentedRows(base, names, dates, of), OutputTables.segmentedSchema(base, names, dates, of));
  }

  private Dataset<Row> frame(List<Row> rows, org.apache.spark.sql.types.StructType schema) {
    return ShippedRows.of(tableSession, rows, schema);
  }

  private static String firstRejected(Dataset<Row> rejected) {
    return located(rejected.orderBy("source", "line").first());
  }

  /** @return a {@code rejected_rows} row as the core words a bad row: {@code file:line: reason} */
  private static String located(Row rejected) {
    return InputException.format(rejected.getString(1), rejected.getLong(2), null, rejected.getString(3));
  }

  private void checkShare(String source, long rows, long rejected, java.util.function.Supplier<String> first) {
    if (rows > 0 && rejected > cfg.maxRejectedShare() * rows) {
      throw new JobFailedException(String.format(Locale.ROOT,
          "%s: %d of %d rows rejected (%.2f %% > --max-rejected-share %.2f %%); first: %s", source, rejected, rows,
          100.0 * rejected / rows, 100.0 * cfg.maxRejectedShare(), first.get()));
    }
  }

  /** A small input's accepted rows, and the line numbers of its splits (for rows a later check must point at). */
  private record Collected(List<Row> data, LineNumbers lines) {}

  /** A small input read through the executors and collected: its accepted rows, rejected ones kept for output. */
  private Collected small(InputSpec spec, RowHandler handler) {
    Set<String> onePiece = new HashSet<>();
    List<Row> all = SourceReader.read(spark, spec, handler, onePiece).collect();
    Set<String> disagree = SplitChecks.disagreeing(all.stream()
        .filter(r -> r.getInt(ParsedRecords.KIND) == ParsedRecords.COUNT).toList());
    if (!disagree.isEmpty()) {
      onePiece.addAll(disagree);
      disagree.forEach(f -> notes.add(RangeCheck.onePieceNote(f)));
      all = SourceReader.read(spark, spec, handler, onePiece).collect();
    }
    List<Row> counts = new ArrayList<>();
    List<Row> data = new ArrayList<>();
    List<Row> rejectedHere = new ArrayList<>();
    for (Row r : all) {
      switch (r.getInt(ParsedRecords.KIND)) {
        case ParsedRecords.COUNT -> counts.add(r);
        case ParsedRecords.DATA -> data.add(r);
        case ParsedRecords.REJECTED -> rejectedHere.add(r);
        default -> throw new IllegalStateException("unexpected record kind " + r.getInt(ParsedRecords.KIND));
      }
    }
    LineNumbers lines = LineNumbers.of(counts);
    SplitChecks.throwFirstError(counts, lines);
    List<Row> out = new ArrayList<>();
    for (Row r : rejectedHere) {
      out.add(OutputTables.rejected(cfg.runDate(), new Rejection(r.getString(ParsedRecords.FILE), lines.line(r),
          r.getString(ParsedRecords.REASON), r.getString(ParsedRecords.RAW))));
    }
    out.sort(Comparator.comparing((Row r) -> r.getString(1)).thenComparingLong(r -> r.getLong(2)));
    long n = sum(counts, ParsedRecords.N1);
    read += n;
    accepted += sum(counts, ParsedRecords.N2);
    checkShare(spec.toString(), n, out.size(), () -> located(out.get(0)));
    sideRejected.addAll(out);
    return new Collected(data, lines);
  }

  private Map<String, String> identities() {
    IdentityMap.Builder pairs = IdentityMap.builder();
    Collected ids = small(cfg.identities(), IdRows.identities(cfg.mapping()));
    // In file order, as the CLI reads them: an alias mapped to two customers names the second pair's line.
    List<Row> ordered = new ArrayList<>(ids.data());
    ordered.sort(Comparator.comparing((Row r) -> r.getString(ParsedRecords.FILE))
        .thenComparingLong(r -> ids.lines().line(r)));
    for (Row r : ordered) {
      pairs.add(r.getString(ParsedRecords.FILE), ids.lines().line(r), r.getString(ParsedRecords.KEY),
          r.getString(ParsedRecords.S1));
    }
    try {
      pairs.build();
    } catch (IllegalArgumentException e) {
      // A cycle: the map as a whole is at fault, no one line.
      throw new InputException(cfg.identities().toString(), 0, null, e.getMessage());
    }
    return pairs.pairs();
  }

  private Set<String> consent() {
    Set<String> ids = new HashSet<>();
    for (Row r : small(cfg.consent(), IdRows.consent(cfg.mapping())).data()) {
      ids.add(r.getString(ParsedRecords.KEY));
    }
    return ids;
  }

  /* The whole window's spend; a windowed run also keeps each date's, for that date's ROI. */
  private SpendTable spend() {
    SpendTable.Builder b = SpendTable.builder();
    Map<LocalDate, SpendTable.Builder> byDate = new TreeMap<>();
    for (Row r : small(cfg.spend(), new SpendRows(cfg.mapping(), cfg.models().touchpoint())).data()) {
      LocalDate d = LocalDate.parse(r.getString(ParsedRecords.KEY));
      if ((cfg.spendFrom() == null || !d.isBefore(cfg.spendFrom()))
          && (cfg.spendTo() == null || !d.isAfter(cfg.spendTo()))) {
        // S3: the row's campaign, read at a campaign level only (null otherwise).
        BigDecimal amount = new BigDecimal(r.getString(ParsedRecords.S2));
        b.add(r.getString(ParsedRecords.S1), r.getString(ParsedRecords.S3), amount);
        byDate.computeIfAbsent(d, x -> SpendTable.builder())
            .add(r.getString(ParsedRecords.S1), r.getString(ParsedRecords.S3), amount);
      }
    }
    byDate.forEach((d, t) -> spendByDate.put(d, t.build()));
    return b.build();
  }

  /*
   * Holds a path input to the core's PathTotals limit in file order, before any count is merged (so no merge can
   * overflow), naming file, line and column as the CLI does. A split whose own rows pass the limit with nothing counted
   * before it names its row; when the earlier splits' journeys and a split's own pass it together, the split is read
   * again counting on from them (only on this failing path: a split keeps no running sum per row).
   */
  private void checkPathTotals(List<Row> totals, LineNumbers lines, InputSpec main, Set<String> onePiece) {
    List<Row> ordered = new ArrayList<>(totals);
    ordered.sort(Comparator.comparing((Row r) -> r.getString(ParsedRecords.FILE))
        .thenComparingLong(r -> r.getLong(ParsedRecords.SPLIT)));
    long before = 0;
    for (Row r : ordered) {
      long conversions = r.getLong(ParsedRecords.N1);
      long nulls = r.getLong(ParsedRecords.N2);
      String own = r.getString(ParsedRecords.S1);
      String passed = PathTotals.passes(before, conversions, nulls);
      if (own != null || passed != null) {
        Row at = own != null && before == 0 ? r : passingRow(main, onePiece, r, before);
        throw new InputException(at.getString(ParsedRecords.FILE), lines.line(at),
            cfg.mapping().mapping().source(at.getString(ParsedRecords.S1)), PathTotals.reason());
      }
      before += conversions + nulls;
    }
  }

  /** @return the {@link ParsedRecords#TOTALS} record of {@code split} read again after {@code before} journeys */
  private Row passingRow(InputSpec main, Set<String> onePiece, Row split, long before) {
    String key = split.getString(ParsedRecords.FILE) + '#' + split.getLong(ParsedRecords.SPLIT);
    RowHandler locating = new PathRows(cfg.mapping(), cfg.pathSeparator()).locating(Map.of(key, before));
    // The same splits as the first reading (same files read in one piece), so the split keys and lines match.
    List<Row> found = SourceReader.read(spark, main, locating, onePiece)
        .filter(r -> r.getInt(ParsedRecords.KIND) == ParsedRecords.TOTALS && r.getLong(ParsedRecords.IDX) >= 0)
        .collect();
    if (found.size() != 1) {
      throw new IllegalStateException("the row passing the journey limit was not found again in " + key);
    }
    return found.get(0);
  }

  private static long sum(List<Row> counts, int field) {
    long s = 0;
    for (Row r : counts) {
      s = Math.addExact(s, r.getLong(field));
    }
    return s;
  }
}
