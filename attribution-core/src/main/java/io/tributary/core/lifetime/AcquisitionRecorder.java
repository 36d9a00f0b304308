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
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Arrays;

/**
 * Records each customer's purchases and acquisition journey while an engine folds their journeys: hand it the same
 * journeys the aggregate gets (a second {@link JourneySink}), between {@link #startCustomer} and {@link #endCustomer}.
 * One per slice of customers; not thread-safe.
 *
 * <p>The acquisition journey is the journey that ends in the customer's first purchase (after order-id duplicates are
 * dropped, by the journey rules). A purchase's day is its conversion time's day in the run's zone; purchases on the
 * same day are one purchase ({@link PurchaseHistory}).
 */
public final class AcquisitionRecorder implements JourneySink {
  /*
   * Speed: the recorder runs inside the fold, so each buyer goes straight into the slice's LifetimeTally (shared
   * purchase patterns and paths once) and the acquisition weights are merged per channel in arrays, in touch order:
   * the same additions, so the same bits, as a map per channel would give.
   */
  private final List<JourneyModel> journeyModels = new ArrayList<>();
  private final ZoneId zone;
  private final PurchaseHistory history = new PurchaseHistory();
  private final LifetimeTally tally = new LifetimeTally();
  private List<String> names;
  private JourneyAggregate.Builder weigher;
  private boolean acquired;
  private int pathId;
  private double[] weights = new double[0];
  private long[] days = new long[8];
  private int dayCount;

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

  /** @param channelNames the names of the channel ids the next customer's journeys carry */
  public void startCustomer(List<String> channelNames) {
    names = channelNames;
    history.clear();
    dayCount = 0;
    acquired = false;
    pathId = -1;
  }

  @Override
  public void journey(int[] channels, long[] times, int from, int to, boolean converted, BigDecimal value,
      long endTime) {
    long last = to > from ? Math.max(endTime, times[to - 1]) : endTime;
    tally.lastEvent(last);
    if (!converted) {
      return;
    }
    long day = PurchaseHistory.epochDay(endTime, zone);
    history.add(day, value);
    if (dayCount == days.length) {
      days = Arrays.copyOf(days, 2 * dayCount);
    }
    days[dayCount++] = day;
    if (acquired) {
      return;
    }
    acquired = true;
    if (from == to) {
      return; // a touchless first purchase: (unattributed)
    }
    pathId = tally.distinctPathId(names, channels, from, to);
    if (journeyModels.isEmpty()) {
      return;
    }
    String[] ch = new String[to - from];
    for (int i = from; i < to; i++) {
      ch[i - from] = names.get(channels[i]);
    }
    List<String> distinct = tally.distinctPathChannels(pathId);
    int d = distinct.size();
    Journey j = null;
    int[] slot = new int[ch.length];
    for (int k = 0; k < ch.length; k++) {
      slot[k] = k > 0 && ch[k].equals(ch[k - 1]) ? slot[k - 1] : indexOf(distinct, ch[k]);
    }
    weights = new double[journeyModels.size() * d];
    for (int m = 0; m < journeyModels.size(); m++) {
      double[] w = weigher == null ? null : weigher.weightsOfLastJourney(m);
      if (w == null) {
        if (j == null) {
          List<Touch> touches = new ArrayList<>(ch.length);
          for (int i = from; i < to; i++) {
            touches.add(new Touch(ch[i - from], times[i]));
          }
          j = new Journey(touches, true, value, endTime);
        }
        w = journeyModels.get(m).weights(j);
      }
      for (int k = 0; k < w.length; k++) {
        weights[m * d + slot[k]] += w[k];
      }
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

  /** Ends the current customer: a customer with a purchase is kept. */
  public void endCustomer() {
    if (history.size() == 0) {
      return;
    }
    long first = history.firstDay();
    if (dayCount == 1) {
      // One purchase (most buyers): no repeat, nothing to sum.
      tally.addSingle(first, pathId, weights, journeyModels.size());
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
    tally.add(new LifetimeTally.Purchases(first, inDays, repeats), pathId, weights, journeyModels.size());
  }

  /** @return the customers recorded so far and the last event: the recorder must not be used afterwards */
  public LifetimeLedger build() {
    return new LifetimeLedger(tally);
  }
}
