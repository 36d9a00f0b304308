package io.tributary.core.lifetime;

import io.tributary.core.clv.ClvTimeUnit;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.clv.PurchaseHistory;
import io.tributary.core.journey.Journey;
import io.tributary.core.journey.JourneySink;
import io.tributary.core.journey.Touch;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyModel;
import io.tributary.core.paths.Path;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

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
  private final List<JourneyModel> journeyModels = new ArrayList<>();
  private final ZoneId zone;
  private final PurchaseHistory history = new PurchaseHistory();
  private final List<CustomerLifetime> customers = new ArrayList<>();
  private long lastEvent = Long.MIN_VALUE;
  private List<String> names;
  private boolean acquired;
  private Path path;
  private List<String> distinct = List.of();
  private List<double[]> weights = List.of();

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

  /** @param channelNames the names of the channel ids the next customer's journeys carry */
  public void startCustomer(List<String> channelNames) {
    names = channelNames;
    history.clear();
    acquired = false;
    path = null;
    distinct = List.of();
    weights = List.of();
  }

  @Override
  public void journey(int[] channels, long[] times, int from, int to, boolean converted, BigDecimal value,
      long endTime) {
    lastEvent = Math.max(lastEvent, endTime);
    if (to > from) {
      lastEvent = Math.max(lastEvent, times[to - 1]);
    }
    if (!converted) {
      return;
    }
    history.add(PurchaseHistory.epochDay(endTime, zone), value);
    if (acquired) {
      return;
    }
    acquired = true;
    if (from == to) {
      return; // a touchless first purchase: (unattributed)
    }
    List<String> ch = new ArrayList<>(to - from);
    List<Touch> touches = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      String name = names.get(channels[i]);
      ch.add(name);
      touches.add(new Touch(name, times[i]));
    }
    path = new Path(ch);
    distinct = List.copyOf(path.distinctChannels());
    if (!journeyModels.isEmpty()) {
      Journey j = new Journey(touches, true, value, endTime);
      weights = new ArrayList<>(journeyModels.size());
      for (JourneyModel m : journeyModels) {
        double[] w = m.weights(j);
        TreeMap<String, Double> byChannel = new TreeMap<>();
        for (int k = 0; k < w.length; k++) {
          byChannel.merge(ch.get(k), w[k], Double::sum);
        }
        weights.add(byChannel.values().stream().mapToDouble(Double::doubleValue).toArray());
      }
    }
  }

  /** Ends the current customer: a customer with a purchase is kept. */
  public void endCustomer() {
    if (history.size() == 0) {
      return;
    }
    long first = history.firstDay();
    CustomerSummary inDays = history.summary(history.lastDay(), ClvTimeUnit.DAY);
    customers.add(new CustomerLifetime(first, inDays, path, weights, distinct));
  }

  /** @return the customers recorded so far and the last event time */
  public LifetimeLedger build() {
    return new LifetimeLedger(customers, lastEvent);
  }
}
