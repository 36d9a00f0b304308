package io.tributary.core.lifetime;

import io.tributary.core.clv.ClvTimeUnit;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.clv.PurchaseHistory;
import io.tributary.core.journey.Journey;
import io.tributary.core.journey.JourneySink;
import io.tributary.core.journey.Touch;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.JourneyModel;
import io.tributary.core.TributaryException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Records each customer's purchases and acquisition journey while an engine folds their journeys: hand it the same
 * journeys the aggregate gets (a second {@link JourneySink}), between {@link #startCustomer} and {@link #endCustomer}.
 * One per slice of customers; not thread-safe.
 *
 * <p>The acquisition journey is the journey that ends in the customer's first purchase (after order-id duplicates are
 * dropped, by the journey rules). A purchase's day is its conversion time's day in the run's zone; purchases on the
 * same day are one purchase ({@link PurchaseHistory}).
 *
 * <p>With {@link #tallyOnSecondThread()}, the fold's thread only copies what it is handed (days, values, the
 * acquisition path's channel ids and weights) into reusable arrays, and a thread of the recorder's own turns them into
 * the tally, customer after customer in the fold's order: the same tally, bit for bit.
 */
public final class AcquisitionRecorder implements JourneySink {
  /*
   * Speed: the recorder runs inside the fold, so each buyer goes straight into the slice's LifetimeTally (shared
   * purchase patterns and paths once) and the acquisition weights are merged per channel in arrays, in touch order:
   * the same additions, so the same bits, as a map per channel would give.
   *
   * The work is split in two: capture (on the fold's thread: copies only) and tallying (the purchase summary, the
   * pattern and path look-ups, the weights' merge). The fold keeps one of two cores busy most of the time, and the
   * tallying took about as much time again as building the journeys (10M events, 250,114 buyers: the fold's loop
   * 0.8 s of CPU without the recorder, 1.5 s with it), so on a second thread it runs beside the fold.
   */
  /* Customers per batch handed to the tallying thread. */
  static final int BATCH = 4096;

  private final List<JourneyModel> journeyModels = new ArrayList<>();
  private final ZoneId zone;
  private final Tallier tallier;
  private JourneyAggregate.Builder weigher;
  private long lastEvent = Long.MIN_VALUE;
  private Batch batch = new Batch();
  private boolean acquired;
  private Pipeline pipeline;

  /**
   * @param models the run's models; the journey models among them (time decay) weigh the acquisition journey here
   * @param zone the zone whose calendar gives a purchase's day
   */
  public AcquisitionRecorder(List<? extends AttributionModel> models, ZoneId zone) {
    for (AttributionModel m : models) {
      if (m instanceof JourneyModel jm) {
        journeyModels.add(jm);
      }
    }
    this.zone = Objects.requireNonNull(zone, "zone");
    this.tallier = new Tallier(journeyModels.size());
  }

  /**
   * Takes the acquisition journey's weights from {@code aggregate}, which weighs every converting journey it is handed
   * by {@link JourneyAggregate.Builder#addCustomer(io.tributary.core.journey.CustomerEvents, JourneySink)} just before
   * this recorder gets it: the same weights, computed once.
   *
   * @param aggregate the builder this recorder is the second receiver of
   * @return this recorder
   */
  public AcquisitionRecorder weighWith(JourneyAggregate.Builder aggregate) {
    this.weigher = aggregate;
    return this;
  }

  /**
   * Tallies the customers on a thread of the recorder's own, beside the caller's fold, instead of at each
   * {@link #endCustomer}: the same ledger. Call before the first customer; {@link #build} waits for the thread, and
   * {@link #cancel} stops it when the fold fails. The channel-name lists handed to {@link #startCustomer} must not
   * change afterwards (a {@link io.tributary.core.journey.CustomerEvents}' never do).
   *
   * @return this recorder
   */
  public AcquisitionRecorder tallyOnSecondThread() {
    if (pipeline == null) {
      pipeline = new Pipeline(tallier);
    }
    return this;
  }

  /** @param channelNames the names of the channel ids the next customer's journeys carry */
  public void startCustomer(List<String> channelNames) {
    batch.startCustomer(channelNames);
    acquired = false;
  }

  @Override
  public void journey(int[] channels, long[] times, int from, int to, boolean converted, BigDecimal value,
      long endTime) {
    long last = to > from ? Math.max(endTime, times[to - 1]) : endTime;
    lastEvent = Math.max(lastEvent, last);
    if (!converted) {
      return;
    }
    if (value != null && value.signum() < 0) {
      throw new IllegalArgumentException("negative purchase value " + value); // as PurchaseHistory says it
    }
    batch.purchase(PurchaseHistory.epochDay(endTime, zone), value);
    if (acquired) {
      return;
    }
    acquired = true;
    if (from == to) {
      return; // a touchless first purchase: (unattributed)
    }
    batch.path(channels, from, to);
    for (int m = 0; m < journeyModels.size(); m++) {
      double[] w = weigher == null ? null : weigher.weightsOfLastJourney(m);
      if (w == null) {
        List<String> names = batch.currentNames();
        List<Touch> touches = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
          touches.add(new Touch(names.get(channels[i]), times[i]));
        }
        w = journeyModels.get(m).weights(new Journey(touches, true, value, endTime));
      }
      batch.weights(w, to - from);
    }
  }

  /** Ends the current customer: a customer with a purchase is kept. */
  public void endCustomer() {
    batch.endCustomer();
    if (pipeline == null) {
      // Tallied at once: a caller's name list need not outlive its customer.
      tallier.tally(batch);
      batch.clear();
    } else if (batch.customers == BATCH) {
      batch = pipeline.hand(batch);
    }
  }

  /** @return the customers recorded so far and the last event: the recorder must not be used afterwards */
  public LifetimeLedger build() {
    if (pipeline != null) {
      pipeline.finish(batch);
      pipeline = null;
    }
    LifetimeTally tally = tallier.tally;
    tally.lastEvent(lastEvent);
    return new LifetimeLedger(tally);
  }

  /** Stops the tallying thread of a fold that failed (nothing when there is none); the recorder is then unusable. */
  public void cancel() {
    if (pipeline != null) {
      pipeline.thread.interrupt();
      pipeline = null;
    }
  }

  /*
   * What the fold hands over of a run of customers, in primitive arrays reused from batch to batch: per customer its
   * name list, its purchases (day, value) and, for a first purchase with touches, the acquisition path's channel ids
   * and each journey model's weight of each touch.
   */
  static final class Batch {
    int customers;
    Object[] names = new Object[BATCH];
    int[] purchaseEnd = new int[BATCH];
    int[] pathEnd = new int[BATCH];
    int[] weightEnd = new int[BATCH];
    int purchases;
    long[] days = new long[2 * BATCH];
    BigDecimal[] values = new BigDecimal[2 * BATCH];
    int ids;
    int[] channels = new int[8 * BATCH];
    int weightCount;
    double[] weights = new double[8 * BATCH];

    void startCustomer(List<String> channelNames) {
      if (customers == names.length) {
        int n = 2 * customers;
        names = Arrays.copyOf(names, n);
        purchaseEnd = Arrays.copyOf(purchaseEnd, n);
        pathEnd = Arrays.copyOf(pathEnd, n);
        weightEnd = Arrays.copyOf(weightEnd, n);
      }
      names[customers] = channelNames;
    }

    @SuppressWarnings("unchecked")
    List<String> currentNames() {
      return (List<String>) names[customers];
    }

    void purchase(long day, BigDecimal value) {
      if (purchases == days.length) {
        days = Arrays.copyOf(days, 2 * purchases);
        values = Arrays.copyOf(values, 2 * purchases);
      }
      days[purchases] = day;
      values[purchases++] = value;
    }

    void path(int[] ch, int from, int to) {
      if (ids + to - from > channels.length) {
        channels = Arrays.copyOf(channels, Math.max(2 * channels.length, ids + to - from));
      }
      System.arraycopy(ch, from, channels, ids, to - from);
      ids += to - from;
    }

    void weights(double[] w, int n) {
      if (weightCount + n > weights.length) {
        weights = Arrays.copyOf(weights, Math.max(2 * weights.length, weightCount + n));
      }
      System.arraycopy(w, 0, weights, weightCount, n);
      weightCount += n;
    }

    void endCustomer() {
      purchaseEnd[customers] = purchases;
      pathEnd[customers] = ids;
      weightEnd[customers] = weightCount;
      customers++;
    }

    void clear() {
      Arrays.fill(names, 0, customers, null);
      Arrays.fill(values, 0, purchases, null);
      customers = 0;
      purchases = 0;
      ids = 0;
      weightCount = 0;
    }
  }

  /* Turns batches into the tally, customer after customer: what endCustomer did before the work was split. */
  static final class Tallier {
    final LifetimeTally tally = new LifetimeTally();
    private final int journeyModels;
    private final PurchaseHistory history = new PurchaseHistory();
    private double[] weights = new double[0];
    private long[] days = new long[8];
    private int[] slot = new int[8];

    Tallier(int journeyModels) {
      this.journeyModels = journeyModels;
    }

    void tally(Batch b) {
      int purchase = 0;
      int id = 0;
      int weight = 0;
      for (int c = 0; c < b.customers; c++) {
        int purchaseEnd = b.purchaseEnd[c];
        if (purchase == purchaseEnd) {
          continue; // no purchase: not a buyer (and no path)
        }
        history.clear();
        int dayCount = 0;
        if (days.length < purchaseEnd - purchase) {
          days = new long[Math.max(2 * days.length, purchaseEnd - purchase)];
        }
        for (; purchase < purchaseEnd; purchase++) {
          history.add(b.days[purchase], b.values[purchase]);
          days[dayCount++] = b.days[purchase];
        }
        int pathId = -1;
        if (id < b.pathEnd[c]) {
          @SuppressWarnings("unchecked")
          List<String> names = (List<String>) b.names[c];
          pathId = acquisition(names, b.channels, id, b.pathEnd[c], b.weights, weight);
          id = b.pathEnd[c];
          weight = b.weightEnd[c];
        }
        add(pathId, dayCount);
      }
    }

    /* The path's id, and its journey models' weights merged per distinct channel (touch order) into weights. */
    private int acquisition(List<String> names, int[] channels, int from, int to, double[] touchWeights,
        int weightFrom) {
      int pathId = tally.distinctPathId(names, channels, from, to);
      if (journeyModels == 0) {
        return pathId;
      }
      int n = to - from;
      List<String> distinct = tally.distinctPathChannels(pathId);
      int d = distinct.size();
      if (slot.length < n) {
        slot = new int[Math.max(n, 2 * slot.length)];
      }
      String previous = null;
      for (int k = 0; k < n; k++) {
        String ch = names.get(channels[from + k]);
        slot[k] = k > 0 && ch.equals(previous) ? slot[k - 1] : indexOf(distinct, ch);
        previous = ch;
      }
      // One buffer for every buyer: the tally copies the first journeyModels * d weights.
      if (weights.length < journeyModels * d) {
        weights = new double[Math.max(journeyModels * d, 2 * weights.length)];
      } else {
        Arrays.fill(weights, 0, journeyModels * d, 0);
      }
      for (int m = 0; m < journeyModels; m++) {
        int w = weightFrom + m * n;
        for (int k = 0; k < n; k++) {
          weights[m * d + slot[k]] += touchWeights[w + k];
        }
      }
      return pathId;
    }

    /* One buyer with history's purchases (days[0, dayCount) as added) and the acquisition path pathId. */
    private void add(int pathId, int dayCount) {
      long first = history.firstDay();
      if (dayCount == 1) {
        // One purchase (most buyers): no repeat, nothing to sum.
        tally.addSingle(first, pathId, weights, journeyModels);
        return;
      }
      CustomerSummary inDays = history.summary(history.lastDay(), ClvTimeUnit.DAY);
      Arrays.sort(days, 0, dayCount);
      int[] repeats = new int[inDays.frequency()];
      int n = 0;
      for (int i = 0; i < dayCount; i++) {
        if (days[i] > first && (n == 0 || days[i] - first > repeats[n - 1])) {
          repeats[n++] = (int) (days[i] - first);
        }
      }
      tally.add(new LifetimeTally.Purchases(first, inDays, repeats), pathId, weights, journeyModels);
    }
  }

  /* A channel's index among a path's few distinct channels: the path holds the very strings of the dictionary. */
  private static int indexOf(List<String> distinct, String channel) {
    for (int i = 0; i < distinct.size(); i++) {
      if (distinct.get(i) == channel) {
        return i;
      }
    }
    return distinct.indexOf(channel);
  }

  /*
   * The tallying thread: batches come in fold order through a queue of full batches and go back, cleared, through a
   * queue of free ones (BATCHES in all: one filled while the others wait or are tallied; with only two, the fold's
   * thread waited 0.1-0.2 s of a 10M-event fold for the tallying thread whenever that one was off its core). A failure
   * is kept and rethrown by finish; the thread is a daemon, so a fold that fails cannot keep the JVM alive.
   */
  private static final class Pipeline {
    private static final Batch END = new Batch();
    /* Batches in all (about half a megabyte each). */
    private static final int BATCHES = 8;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1); // and END
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private volatile Throwable failure;

    Pipeline(Tallier tallier) {
      for (int b = 1; b < BATCHES; b++) {
        free.add(new Batch()); // the recorder fills its own first one
      }
      thread = new Thread(() -> {
        try {
          for (Batch b = full.take(); b != END; b = full.take()) {
            if (failure == null) {
              try {
                tallier.tally(b);
              } catch (Throwable e) {
                failure = e;
              }
            }
            b.clear();
            free.put(b);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // cancelled
        }
      }, "lifetime-tally");
      thread.setDaemon(true);
      thread.start();
    }

    /* Hands a full batch over; returns an empty one to fill. */
    Batch hand(Batch b) {
      try {
        full.put(b);
        return free.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TributaryException("interrupted while recording lifetime value", e);
      }
    }

    /* Hands the last batch over and waits for the thread to tally everything. */
    void finish(Batch last) {
      try {
        full.put(last);
        full.put(END);
        thread.join();
      } catch (InterruptedException e) {
        thread.interrupt();
        Thread.currentThread().interrupt();
        throw new TributaryException("interrupted while recording lifetime value", e);
      }
      Throwable e = failure;
      if (e instanceof RuntimeException r) {
        throw r;
      }
      if (e instanceof Error r) {
        throw r;
      }
      if (e != null) {
        throw new TributaryException("recording lifetime value failed: " + e, e);
      }
    }
  }
}
