package io.tributary.core.model;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.CustomerJourneys;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.Journey;
import io.tributary.core.journey.JourneyBuilder;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.journey.JourneySink;
import io.tributary.core.journey.Touch;
import io.tributary.core.journey.TouchpointLevel;
import io.tributary.core.paths.PathCounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the models and KPIs need from a set of journeys, small and mergeable: the distinct paths, the exact
 * credit sums of the journey models (time decay), the touchless conversions and the time-to-conversion sum. Engines
 * build one per slice of customers and {@link #merge} them in any order with identical results.
 *
 * @param settings what the aggregate was built under (lookback, journey models and options); merging aggregates with
 *     different settings is an error
 * @param paths the distinct paths
 * @param journeyCredits per journey-model name, per channel, the exact credit sums
 * @param touchlessConversions conversions without a touch in their window (credited to {@code (unattributed)})
 * @param touchlessValue their revenue
 * @param timedConversions converting journeys with touches whose times are known
 * @param timeToConversionMillis sum over those of conversion time − first touch time
 * @param duplicateConversions conversions dropped as order-id duplicates
 * @param hasTimestamps whether touch times were known (false for path-file input)
 */
public record JourneyAggregate(
    String settings,
    PathCounts paths,
    SortedMap<String, SortedMap<String, CreditSum>> journeyCredits,
    long touchlessConversions,
    BigDecimal touchlessValue,
    long timedConversions,
    long timeToConversionMillis,
    long duplicateConversions,
    boolean hasTimestamps) {

  /** The channel that receives touchless conversions, outside every model. */
  public static final String UNATTRIBUTED = "(unattributed)";

  public JourneyAggregate {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(touchlessValue, "touchlessValue");
    TreeMap<String, SortedMap<String, CreditSum>> copy = new TreeMap<>();
    journeyCredits.forEach((m, byChannel) -> copy.put(m, Collections.unmodifiableSortedMap(new TreeMap<>(byChannel))));
    journeyCredits = Collections.unmodifiableSortedMap(copy);
    if (touchlessConversions < 0 || timedConversions < 0 || timeToConversionMillis < 0 || duplicateConversions < 0) {
      throw new IllegalArgumentException("aggregate counters must be >= 0");
    }
  }

  /**
   * An aggregate of a path file: distinct paths only, no timestamps, nothing touchless.
   *
   * @param settings a description of how the paths were read
   */
  public static JourneyAggregate ofPaths(String settings, PathCounts paths) {
    return new JourneyAggregate(settings, paths, new TreeMap<>(), 0, BigDecimal.ZERO, 0, 0, 0, false);
  }

  /**
   * @param options how events become journeys
   * @param models the models that will be fitted; the journey models among them (time decay) are folded here
   * @return a builder for one slice of customers
   */
  public static Builder builder(JourneyOptions options, List<? extends AttributionModel> models) {
    List<JourneyModel> journeyModels = new ArrayList<>();
    StringBuilder settings = new StringBuilder("lookback=").append(options.lookback());
    for (AttributionModel m : models) {
      if (m instanceof JourneyModel jm) {
        journeyModels.add(jm);
        settings.append(';').append(jm.settings());
      }
    }
    return new Builder(settings.toString(), options, journeyModels, null, -1);
  }

  /**
   * A builder whose journeys' paths go to {@code paths}, shared with other builders, each journey tagged with
   * {@code tag} ({@link PathCounts.Builder#tagJourneys()}): a segmented fold's cell. Its aggregate is made by
   * {@link #sum(List, PathCounts)} with the paths of its tags, never by {@link Builder#build()}.
   *
   * @param options how events become journeys
   * @param models the models that will be fitted; the journey models among them (time decay) are folded here
   * @param paths a builder that tags its journeys, shared
   * @param tag this builder's journeys' tag, {@code >= 0}
   * @return a builder for one cell of customers
   */
  public static Builder builder(JourneyOptions options, List<? extends AttributionModel> models,
      PathCounts.Builder paths, int tag) {
    if (tag < 0) {
      throw new IllegalArgumentException("tag must be >= 0, got " + tag);
    }
    Builder b = builder(options, models);
    return new Builder(b.settings, options, b.models, Objects.requireNonNull(paths, "paths"), tag);
  }

  /** @return the total conversions, touchless ones included */
  public long totalConversions() {
    return Math.addExact(paths.conversions(), touchlessConversions);
  }

  /** @return the total value, touchless conversions' included */
  public BigDecimal totalValue() {
    return paths.value().add(touchlessValue);
  }

  /**
   * The aggregate a channel-level run would have built from the same events, made from one built at
   * {@code --touchpoint channel/campaign}: every touchpoint key becomes its channel, paths that then coincide are
   * merged, journey models' credit sums are added per channel (exact sums, so the result is the channel-level fold's,
   * bit for bit: the journeys and their touches are the same at every level, only the names differ). An aggregate of
   * plain channels is returned as it is.
   *
   * @return the channel-level aggregate
   */
  public JourneyAggregate channelRollup() {
    io.tributary.core.paths.PathTable table = paths.table();
    List<String> names = table.channels().names();
    if (names.stream().noneMatch(TouchpointLevel::hasCampaign)) {
      return this;
    }
    PathCounts.Builder b = PathCounts.builder();
    int[] map = new int[names.size()];
    for (int i = 0; i < map.length; i++) {
      map[i] = b.channelId(TouchpointLevel.channelOf(names.get(i)));
    }
    int[] ids = new int[16];
    for (int p = 0; p < table.size(); p++) {
      int n = table.length(p);
      if (ids.length < n) {
        ids = new int[Math.max(n, 2 * ids.length)];
      }
      for (int k = 0; k < n; k++) {
        ids[k] = map[table.channel(p, k)];
      }
      b.add(ids, n, table.conversions(p), table.value(p), table.nulls(p));
    }
    TreeMap<String, SortedMap<String, CreditSum>> credits = new TreeMap<>();
    journeyCredits.forEach((model, byKey) -> {
      TreeMap<String, CreditSum> byChannel = new TreeMap<>();
      byKey.forEach((k, sum) -> byChannel.merge(TouchpointLevel.channelOf(k), sum, CreditSum::plus));
      credits.put(model, byChannel);
    });
    return new JourneyAggregate(settings, b.build(), credits, touchlessConversions, touchlessValue, timedConversions,
        timeToConversionMillis, duplicateConversions, hasTimestamps);
  }

  /**
   * @return the sum of both slices
   * @throws IllegalArgumentException when the two were built under different settings, naming both
   */
  public JourneyAggregate merge(JourneyAggregate o) {
    if (!settings.equals(o.settings) || hasTimestamps != o.hasTimestamps) {
      throw new IllegalArgumentException(
          "cannot merge aggregates built under different settings: [" + settings + "] vs [" + o.settings + "]");
    }
    TreeMap<String, SortedMap<String, CreditSum>> credits = new TreeMap<>();
    for (Map<String, SortedMap<String, CreditSum>> side : List.of(journeyCredits, o.journeyCredits)) {
      side.forEach((model, byChannel) -> {
        SortedMap<String, CreditSum> target = credits.computeIfAbsent(model, k -> new TreeMap<>());
        byChannel.forEach((c, s) -> target.merge(c, s, CreditSum::plus));
      });
    }
    return new JourneyAggregate(settings, paths.merge(o.paths), credits,
        Math.addExact(touchlessConversions, o.touchlessConversions), touchlessValue.add(o.touchlessValue),
        Math.addExact(timedConversions, o.timedConversions),
        Math.addExact(timeToConversionMillis, o.timeToConversionMillis),
        Math.addExact(duplicateConversions, o.duplicateConversions), hasTimestamps);
  }

  /**
   * The aggregate of several builders' journeys together (disjoint sets of journeys: the cells of a segmented fold,
   * one customer's values of every segment each), the bits one builder fed all those journeys would have built:
   * their paths put together and sorted once ({@link PathCounts.Builder#addAll}), journey models' exact sums added
   * before they become decimals, counters summed. The builders are read, never changed, so several threads may sum
   * lists that share builders.
   *
   * @param parts builders of the same models and options, at least one
   * @return their journeys' aggregate
   * @throws IllegalArgumentException when they were made under different settings
   */
  public static JourneyAggregate sum(List<Builder> parts) {
    PathCounts.Builder paths = PathCounts.builder();
    for (Builder b : parts) {
      if (b.tag >= 0) {
        throw new IllegalArgumentException("a builder of tagged paths is summed with its paths given");
      }
      paths.addAll(b.paths);
    }
    return sum(parts, paths.build());
  }

  /**
   * As {@link #sum(List)}, the parts' paths given: builders whose paths went to a shared builder
   * ({@link #builder(JourneyOptions, List, PathCounts.Builder, int)}), summed with the paths of their tags
   * ({@link PathCounts.Builder#buildGroups}).
   *
   * @param parts builders of the same models and options, at least one
   * @param paths the paths of exactly the parts' journeys
   * @return their journeys' aggregate
   */
  public static JourneyAggregate sum(List<Builder> parts, PathCounts paths) {
    Builder first = parts.get(0);
    Map<String, Map<String, ExactSum[]>> sums = new LinkedHashMap<>();
    long touchless = 0;
    BigDecimal touchlessValue = BigDecimal.ZERO;
    long timed = 0;
    long timeToConversion = 0;
    long duplicates = 0;
    for (Builder b : parts) {
      if (!b.settings.equals(first.settings)) {
        throw new IllegalArgumentException(
            "cannot sum aggregates built under different settings: [" + first.settings + "] vs [" + b.settings + "]");
      }
      b.settle();
      for (int k = 0; k < b.models.size(); k++) {
        Map<String, ExactSum[]> target = sums.computeIfAbsent(b.models.get(k).name(), m -> new HashMap<>());
        ExactSum[][] byId = b.credits[k];
        for (int id = 0; id < byId.length; id++) {
          ExactSum[] acc = byId[id];
          if (acc != null) {
            ExactSum[] t = target.computeIfAbsent(b.idNames[id], x -> new ExactSum[] {new ExactSum(), new ExactSum()});
            t[0].addAll(acc[0]);
            t[1].addAll(acc[1]);
          }
        }
      }
      touchless = Math.addExact(touchless, b.touchless);
      touchlessValue = touchlessValue.add(b.touchlessValue);
      timed = Math.addExact(timed, b.timed);
      timeToConversion = Math.addExact(timeToConversion, b.timeToConversion);
      duplicates = Math.addExact(duplicates, b.duplicates);
    }
    return new JourneyAggregate(first.settings, paths, Builder.creditSums(sums), touchless,
        touchlessValue, timed, timeToConversion, duplicates, true);
  }

  /**
   * One converting journey as journey models read it, and each model's weights for it: made once for all the
   * aggregates a journey goes to (see {@link Builder#addJourney(CustomerEvents, int[], long[], int, int, boolean,
   * BigDecimal, long, SharedWeights)}). Builders that share it must have the same models in the same order. Not
   * thread-safe.
   */
  public static final class SharedWeights {
    private Journey journey;
    private double[][] weights;

    /** An empty holder; {@link #clear()} it before each journey. */
    public SharedWeights() {}

    /** Forgets the journey, before the next one is added. */
    public void clear() {
      journey = null;
      weights = null;
    }
  }

  /** Folds journeys of one slice. Not thread-safe. */
  public static final class Builder {
    private final String settings;
    private final JourneyBuilder journeys;
    private final List<JourneyModel> models;
    private final PathCounts.Builder paths;
    // -1, or the tag of every journey given to the shared paths builder (a segmented fold's cell).
    private final int tag;
    /*
     * Per journey model (models order), per path channel id: the exact sums of its touches' weights and of the value
     * times them, null until a touch of the channel is folded. By id, not by name: a campaign-level run's touches
     * change name from one to the next, and a map lookup per touch (hash, compare the name) was the segmented fold's
     * largest cost on its journey thread after the journeys themselves (benchmarks/results/segments.md, 2026-12-06).
     */
    private ExactSum[][][] credits;
    // Converting journeys whose sums wait for the interning thread (Deferred), while the paths are interned there.
    private Deferred deferred;
    // The name of each path channel id this builder has used (the path builder's ids, shared by a fold's cells).
    private String[] idNames = new String[16];
    private long touchless;
    private BigDecimal touchlessValue = BigDecimal.ZERO;
    private long timed;
    private long timeToConversion;
    private long duplicates;
    // The columnar entry's map from the caller's channel dictionary to the path builder's ids, and its scratch.
    private List<String> mappedDictionary;
    private int[] pathIds;
    private int[] ids = new int[16];
    private CustomerEvents current;
    private final JourneySink sink = this::add;
    private final JourneySink relay = this::relay;
    private JourneySink second;
    // The journey weights shared with other aggregates for the journey being added, or null.
    private SharedWeights shared;
    /* The journey models' weights of the journey addCustomer(events, also) just added (weightsOfLastJourney). */
    private final SharedWeights lastJourney = new SharedWeights();

    private Builder(String settings, JourneyOptions options, List<JourneyModel> models, PathCounts.Builder paths,
        int tag) {
      this.settings = Objects.requireNonNull(settings, "settings");
      this.paths = paths != null ? paths : PathCounts.builder();
      this.tag = tag;
      this.journeys = new JourneyBuilder(options);
      this.models = List.copyOf(models);
      this.credits = new ExactSum[this.models.size()][16][];
    }

    /**
     * Interns the paths on a thread of {@code executor} while this builder's caller goes on building journeys (see
     * {@link PathCounts.Builder#internOn}): the same aggregate, bit for bit. Call before adding anything.
     *
     * @param executor runs one long task, until {@link #build()}
     * @return this builder
     */
    public Builder internPathsOn(java.util.concurrent.Executor executor) {
      paths.internOn(executor);
      return this;
    }

    /**
     * Builds the journeys of one customer and adds them.
     *
     * @param events all events of one customer (after identity stitching and consent exclusion), any order
     */
    public Builder addCustomer(List<Event> events) {
      CustomerJourneys cj = journeys.build(events);
      for (Journey j : cj.journeys()) {
        add(j);
      }
      return addDuplicates(cj.duplicateConversions());
    }

    /**
     * Builds the journeys of one customer held in columns and adds them: the same result as
     * {@link #addCustomer(List)} on the same events, without an object per event or touch.
     *
     * @param events all events of one customer (after identity stitching and consent exclusion), any order
     */
    public Builder addCustomer(CustomerEvents events) {
      current = events;
      return addDuplicates(journeys.build(events, sink));
    }

    /**
     * Like {@link #addCustomer(CustomerEvents)}, and hands every journey to {@code also} too, right after this
     * aggregate took it: one journey build serves both (lifetime value records acquisitions this way).
     *
     * @param events all events of one customer (after identity stitching and consent exclusion), any order
     * @param also a second receiver of the customer's journeys, in time order
     */
    public Builder addCustomer(CustomerEvents events, JourneySink also) {
      current = events;
      second = also;
      try {
        return addDuplicates(journeys.build(events, relay));
      } finally {
        second = null;
      }
    }

    /* addCustomer(events, also)'s receiver: one for the builder, not a lambda made per customer. */
    private void relay(int[] channels, long[] times, int from, int to, boolean converted, BigDecimal value,
        long endTime) {
      lastJourney.clear();
      shared = lastJourney;
      try {
        add(channels, times, from, to, converted, value, endTime);
      } finally {
        shared = null;
      }
      second.journey(channels, times, from, to, converted, value, endTime);
    }

    /**
     * For the second receiver of {@link #addCustomer(CustomerEvents, JourneySink)}, during its call: the weights this
     * aggregate gave the journey just added, so that the receiver need not weigh it again (the weights depend only on
     * the journey).
     *
     * @param model a journey model's index among the models' journey models, in model order
     * @return that model's weight of each touch of the journey, or null when this aggregate weighed none (a journey
     *     without conversion or touch); the caller must not change it
     */
    public double[] weightsOfLastJourney(int model) {
      return lastJourney.weights == null ? null : lastJourney.weights[model];
    }

    /**
     * Adds one journey that {@link JourneyBuilder} cut from {@code events} for another receiver (a segmented
     * aggregate builds each customer's journeys once and routes each journey to its segments' aggregates): the same
     * effect as the journey had in {@link #addCustomer(CustomerEvents)}. Arguments as {@link JourneySink#journey}.
     *
     * @param events the customer whose journey this is (its channel dictionary names the ids)
     */
    public void addJourney(CustomerEvents events, int[] channels, long[] times, int from, int to, boolean converted,
        BigDecimal value, long endTime) {
      current = events;
      add(channels, times, from, to, converted, value, endTime);
    }

    /**
     * As {@link #addJourney(CustomerEvents, int[], long[], int, int, boolean, BigDecimal, long)}, for a journey that
     * several aggregates of the same models take (the all-customer one and its segments'): the converting journey and
     * its journey models' weights are made by the first aggregate and reused by the others, through {@code shared}
     * (cleared by the caller before each journey). The weights depend only on the journey, so every aggregate adds
     * exactly what it would have computed itself.
     *
     * @param shared the journey's weights, filled by the first aggregate that needs them
     */
    public void addJourney(CustomerEvents events, int[] channels, long[] times, int from, int to, boolean converted,
        BigDecimal value, long endTime, SharedWeights shared) {
      current = events;
      this.shared = shared;
      try {
        add(channels, times, from, to, converted, value, endTime);
      } finally {
        this.shared = null;
      }
    }

    /**
     * Like {@link #addCustomer(CustomerEvents)}, keeping only the journeys that end in [{@code from}, {@code to})
     * and the duplicates dropped there: one report date's journeys of a customer (see
     * {@link io.tributary.core.window.DatedFold}).
     *
     * @param events the customer's events the date's journeys are cut from
     * @param from first epoch ms of a kept journey's end
     * @param to first epoch ms of an end no longer kept
     */
    public Builder addCustomer(CustomerEvents events, long from, long to) {
      current = events;
      return addDuplicates(journeys.build(events, (channels, times, first, last, converted, value, endTime) -> {
        if (endTime >= from && endTime < to) {
          add(channels, times, first, last, converted, value, endTime);
        }
      }, from, to));
    }

    /* One journey of the columnar customer being added: exactly add(Journey)'s effect on the same journey. */
    private void add(int[] channels, long[] times, int from, int to, boolean converted, BigDecimal value,
        long endTime) {
      CustomerEvents events = current;
      if (from == to) {
        touchless++;
        touchlessValue = touchlessValue.add(value);
        return;
      }
      if (events.channelNames() != mappedDictionary) {
        // Once per dictionary: an engine keeps one for its whole run, the List<Event> entry makes one per customer.
        mappedDictionary = events.channelNames();
        pathIds = new int[mappedDictionary.size()];
        for (int i = 0; i < pathIds.length; i++) {
          pathIds[i] = idOf(mappedDictionary.get(i));
        }
      }
      int n = to - from;
      if (ids.length < n) {
        ids = new int[Math.max(n, 2 * ids.length)];
      }
      for (int i = 0; i < n; i++) {
        ids[i] = pathIds[channels[from + i]];
      }
      if (tag >= 0) {
        paths.addJourney(ids, n, converted, value, tag);
      } else {
        paths.addJourney(ids, n, converted, value);
      }
      if (!converted) {
        return;
      }
      timed++;
      timeToConversion = Math.addExact(timeToConversion, endTime - times[from]);
      if (models.isEmpty()) {
        return;
      }
      SharedWeights s = shared;
      if (paths.internsElsewhere()) {
        // The sums wait for the interning thread, which is mostly idle while this one builds journeys; the weights
        // are made here only when another aggregate or receiver needs them now.
        if (s != null && s.journey == null) {
          weigh(s, events, channels, times, from, to, value, endTime);
        }
        if (deferred().add(ids, n, times, from, value, endTime, s == null ? null : s.weights)) {
          handOver();
        }
        return;
      }
      if (s == null || s.journey == null) {
        s = weigh(s != null ? s : new SharedWeights(), events, channels, times, from, to, value, endTime);
      }
      double v = value.doubleValue();
      for (int k = 0; k < models.size(); k++) {
        fold(k, ids, 0, s.weights[k], v);
      }
    }

    /* Hands the full batch of deferred journeys to the interning thread, with the names of the ids as they are now. */
    private void handOver() {
      Deferred full = deferred;
      full.names = idNames.clone();
      paths.runWhereInterned(full);
      deferred = null;
    }

    private Deferred deferred() {
      if (deferred == null) {
        deferred = new Deferred();
      }
      return deferred;
    }

    /* Makes the journey and its journey models' weights into s. @return s */
    private SharedWeights weigh(SharedWeights s, CustomerEvents events, int[] channels, long[] times, int from,
        int to, BigDecimal value, long endTime) {
      // Journey models read a Journey; only converting journeys (a few percent of touches) become one.
      List<Touch> touches = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        touches.add(new Touch(events.channelName(channels[i]), times[i]));
      }
      s.journey = new Journey(touches, true, value, endTime);
      s.weights = weightsOf(s.journey);
      return s;
    }

    private double[][] weightsOf(Journey j) {
      double[][] weights = new double[models.size()][];
      for (int k = 0; k < weights.length; k++) {
        weights[k] = models.get(k).weights(j);
      }
      return weights;
    }

    /*
     * Folds the deferred journeys not yet handed to the interning thread, on this one, once that thread is done
     * (the paths built): then every journey is in the sums. Synchronized, as the sums of a segmented fold's groups
     * read a cell's builder on several threads at once.
     */
    private synchronized void settle() {
      if (paths.internsElsewhere()) {
        throw new IllegalStateException("the journey models' sums are read before the paths were built");
      }
      if (deferred != null) {
        deferred.names = idNames;
        deferred.run();
        deferred = null;
      }
    }

    /*
     * Converting journeys whose journey-model sums are folded later, on the interning thread (a batch at a time,
     * after its paths) or by settle(): their touches' path ids and times, value and end, and their weights when
     * made already. The sums are exact, so folding later and elsewhere gives the same bits. On 10M events the
     * segmented fold's journey thread did this for about a sixth of its time, while the interning thread was idle
     * two thirds of its own (benchmarks/results/segments.md, 2026-12-06).
     */
    private final class Deferred implements Runnable {
      // A batch's journeys: enough to pay for the hand-over; its arrays grow to it, as a cell may see few journeys.
      private static final int JOURNEYS = 2048;
      private int[] touchIds = new int[64];
      private long[] touchTimes = new long[64];
      private int[] start = new int[17];
      private BigDecimal[] values = new BigDecimal[16];
      private long[] ends = new long[16];
      private double[][][] weights = new double[16][][];
      private int size;
      // The names of the path ids, as they were when the batch was handed over.
      private String[] names;

      /* @return whether the batch is full now */
      boolean add(int[] ids, int n, long[] times, int from, BigDecimal value, long endTime, double[][] w) {
        if (size == values.length) {
          int c = Math.min(JOURNEYS, 2 * size);
          start = Arrays.copyOf(start, c + 1);
          values = Arrays.copyOf(values, c);
          ends = Arrays.copyOf(ends, c);
          weights = Arrays.copyOf(weights, c);
        }
        int at = start[size];
        if (at + n > touchIds.length) {
          int c = Math.max(at + n, 2 * touchIds.length);
          touchIds = Arrays.copyOf(touchIds, c);
          touchTimes = Arrays.copyOf(touchTimes, c);
        }
        System.arraycopy(ids, 0, touchIds, at, n);
        System.arraycopy(times, from, touchTimes, at, n);
        values[size] = value;
        ends[size] = endTime;
        weights[size] = w;
        start[++size] = at + n;
        return size == JOURNEYS;
      }

      @Override
      public void run() {
        for (int e = 0; e < size; e++) {
          int from = start[e];
          double[][] w = weights[e];
          if (w == null) {
            List<Touch> touches = new ArrayList<>(start[e + 1] - from);
            for (int i = from; i < start[e + 1]; i++) {
              touches.add(new Touch(names[touchIds[i]], touchTimes[i]));
            }
            w = weightsOf(new Journey(touches, true, values[e], ends[e]));
          }
          double v = values[e].doubleValue();
          for (int k = 0; k < models.size(); k++) {
            fold(k, touchIds, from, w[k], v);
          }
        }
      }
    }

    /* The path builder's id of a channel, its name recorded for the credit sums. */
    private int idOf(String channel) {
      int id = paths.channelId(channel);
      if (id >= idNames.length) {
        idNames = Arrays.copyOf(idNames, Math.max(id + 1, 2 * idNames.length));
      }
      idNames[id] = channel;
      return id;
    }

    /** Adds one journey. */
    public Builder add(Journey j) {
      if (j.touchless()) {
        touchless++;
        touchlessValue = touchlessValue.add(j.value());
        return this;
      }
      List<Touch> touches = j.touches();
      int[] path = null;
      if (tag >= 0 || j.converted()) {
        path = new int[touches.size()];
        for (int k = 0; k < path.length; k++) {
          path[k] = idOf(touches.get(k).channel());
        }
      }
      if (tag >= 0) {
        paths.addJourney(path, path.length, j.converted(), j.value(), tag);
      } else {
        paths.add(j);
      }
      if (!j.converted()) {
        return this;
      }
      timed++;
      timeToConversion = Math.addExact(timeToConversion, j.endTime() - j.touches().get(0).timestamp());
      if (paths.internsElsewhere()) {
        // The interning thread may be folding deferred journeys: this one's sums wait with them (weighed here).
        long[] times = new long[path.length];
        for (int k = 0; k < times.length; k++) {
          times[k] = touches.get(k).timestamp();
        }
        if (deferred().add(path, path.length, times, 0, j.value(), j.endTime(), weightsOf(j))) {
          handOver();
        }
        return this;
      }
      double v = j.value().doubleValue();
      for (int k = 0; k < models.size(); k++) {
        fold(k, path, 0, models.get(k).weights(j), v);
      }
      return this;
    }

    /** Records conversions dropped as order-id duplicates. */
    public Builder addDuplicates(long n) {
      duplicates = Math.addExact(duplicates, n);
      return this;
    }

    /*
     * Adds one converting journey's weights by model k, touch i's to channel ids[i]. Each touch's weight, and the
     * value times it (rounded once), is added exactly on its own: the totals do not depend on the order in which
     * journeys, slices or partitions are folded, and a channel's credit is exactly the sum of its campaigns'
     * (--touchpoint channel/campaign), however a journey mixes them.
     */
    private void fold(int k, int[] ids, int from, double[] w, double value) {
      ExactSum[][] byId = credits[k];
      for (int i = 0; i < w.length; i++) {
        int id = ids[from + i];
        if (id >= byId.length) {
          byId = Arrays.copyOf(byId, Math.max(id + 1, 2 * byId.length));
          credits[k] = byId;
        }
        ExactSum[] acc = byId[id];
        if (acc == null) {
          acc = new ExactSum[] {new ExactSum(), new ExactSum()};
          byId[id] = acc;
        }
        acc[0].add(w[i]);
        acc[1].add(value * w[i]);
      }
    }

    /** @return the immutable aggregate of everything added so far */
    public JourneyAggregate build() {
      if (tag >= 0) {
        throw new IllegalStateException("a builder of tagged paths is built by JourneyAggregate.sum, paths given");
      }
      PathCounts built = paths.build(); // the interning thread's work done, deferred sums included
      settle();
      return new JourneyAggregate(settings, built, creditSums(byName()), touchless,
          touchlessValue, timed, timeToConversion, duplicates, true);
    }

    /* Per model name, per channel name: the sums by id, keyed as the aggregate keys its credits. */
    private Map<String, Map<String, ExactSum[]>> byName() {
      Map<String, Map<String, ExactSum[]>> out = new LinkedHashMap<>();
      for (int k = 0; k < models.size(); k++) {
        Map<String, ExactSum[]> byChannel = new HashMap<>();
        ExactSum[][] byId = credits[k];
        for (int id = 0; id < byId.length; id++) {
          if (byId[id] != null) {
            byChannel.put(idNames[id], byId[id]);
          }
        }
        out.put(models.get(k).name(), byChannel);
      }
      return out;
    }

    /* Per model, per channel, the exact sums as decimals. */
    private static TreeMap<String, SortedMap<String, CreditSum>> creditSums(Map<String, Map<String, ExactSum[]>> sums) {
      TreeMap<String, SortedMap<String, CreditSum>> out = new TreeMap<>();
      sums.forEach((m, byChannel) -> {
        TreeMap<String, CreditSum> t = new TreeMap<>();
        byChannel.forEach((c, acc) -> t.put(c, new CreditSum(acc[0].toBigDecimal(), acc[1].toBigDecimal())));
        out.put(m, t);
      });
      return out;
    }
  }
}
