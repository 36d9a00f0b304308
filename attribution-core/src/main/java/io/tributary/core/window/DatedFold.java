package io.tributary.core.window;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds customers into one {@link JourneyAggregate} per date, for a windowed run: the definition of which journeys a
 * date has, shared by every engine.
 *
 * <p>Date D's journeys are those SPEC's rules cut from the customer's events in [start of D − lookback, end of D) that
 * end on D (a conversion on D; a non-converting journey whose last touch is on D), with the order-id duplicates dropped
 * on D. That is exactly what a run of D alone reads and sees: events after D are not seen (a touch on D followed by a
 * conversion the next day is, as of D, a non-converting journey of D), and events before the lookback can never reach
 * a journey of D. A converting journey is the one a whole-history run cuts, except when its order id repeats one older
 * than the lookback (then the window cannot know it and keeps the conversion).
 *
 * <p>So a range is folded in one pass over each customer and every date's aggregate equals the one-date run's: the
 * customer's events are sliced per date on which the customer has an event (a date without one has no journey of the
 * customer). Cost: per such date, the events in its lookback.
 */
public final class DatedFold {
  private DatedFold() {}

  /**
   * @param window the run's dates (windowed)
   * @param zone the zone of the dates
   * @param options the lookback
   * @param models the models (the journey models among them are folded)
   * @return a builder of the aggregates of every date from {@link RunWindow#firstNeeded()} to the last report date
   */
  public static Builder builder(RunWindow window, ZoneId zone, JourneyOptions options,
      List<? extends AttributionModel> models) {
    return new Builder(window, zone, options, models);
  }

  /** Folds customers of one slice. Not thread-safe. */
  public static final class Builder {
    private final JourneyOptions options;
    private final List<? extends AttributionModel> models;
    private final LocalDate first;
    /** starts[i] = start of date first + i, epoch ms; one more entry than dates (the end of the last). */
    private final long[] starts;
    private final long lookback;
    private final JourneyAggregate.Builder[] builders;
    private CustomerEvents slice;
    private final boolean[] seen;

    private Builder(RunWindow window, ZoneId zone, JourneyOptions options, List<? extends AttributionModel> models) {
      this.options = Objects.requireNonNull(options, "options");
      this.models = List.copyOf(models);
      this.first = window.firstNeeded();
      int days = (int) (window.report().last().toEpochDay() - first.toEpochDay() + 1);
      this.starts = new long[days + 1];
      for (int i = 0; i <= days; i++) {
        starts[i] = first.plusDays(i).atStartOfDay(zone).toInstant().toEpochMilli();
      }
      this.lookback = options.lookback().toMillis();
      this.builders = new JourneyAggregate.Builder[days];
      this.seen = new boolean[days];
    }

    /**
     * Adds one customer's journeys to the dates they belong to.
     *
     * @param events all events of one customer (after identity stitching and consent exclusion), any order; events
     *     outside the run's read range may be present and change nothing
     */
    public Builder addCustomer(CustomerEvents events) {
      Arrays.fill(seen, false);
      boolean any = false;
      for (int i = 0; i < events.size(); i++) {
        int d = dateIndex(events.timestamp(i));
        if (d >= 0) {
          seen[d] = true;
          any = true;
        }
      }
      if (!any) {
        return this;
      }
      if (slice == null || !slice.channelNames().equals(events.channelNames())) {
        slice = new CustomerEvents(events.channelNames());
      }
      for (int d = 0; d < seen.length; d++) {
        if (seen[d]) {
          slice.clear();
          slice.addRange(events, starts[d] - lookback, starts[d + 1]);
          if (builders[d] == null) {
            builders[d] = JourneyAggregate.builder(options, models);
          }
          builders[d].addCustomer(slice, starts[d], starts[d + 1]);
        }
      }
      return this;
    }

    /* The index of the date holding epoch ms t, or -1 outside the dates. */
    private int dateIndex(long t) {
      if (t < starts[0] || t >= starts[starts.length - 1]) {
        return -1;
      }
      int i = Arrays.binarySearch(starts, t);
      return i >= 0 ? i : -i - 2;
    }

    /** @return the aggregates of the dates with at least one journey or dropped duplicate */
    public DatedAggregates build() {
      TreeMap<LocalDate, JourneyAggregate> out = new TreeMap<>();
      for (int d = 0; d < builders.length; d++) {
        if (builders[d] != null) {
          out.put(first.plusDays(d), builders[d].build());
        }
      }
      return new DatedAggregates(out);
    }
  }
}
