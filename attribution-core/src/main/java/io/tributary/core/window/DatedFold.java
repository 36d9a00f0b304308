package io.tributary.core.window;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.segment.SegmentValues;
import io.tributary.core.segment.SegmentedAggregate;
import io.tributary.core.segment.Segmentation;
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
 *
 * <p>With segments ({@code --segment-by}) each date's journeys are also folded into their segments' aggregates
 * ({@link SegmentedAggregate}), from the same slice: a customer's segment on date D is what D's events show (an
 * event-log column's value at the first event of the slice, {@link SegmentValues}; a derived segment from the slice's
 * journeys). So a date's segments, like its journeys, are those a run of D alone finds, whatever else is read.
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
    return new Builder(window, zone, options, models, Segmentation.none());
  }

  /**
   * As {@link #builder(RunWindow, ZoneId, JourneyOptions, List)}, each date's journeys also folded per segment.
   *
   * @param segmentation the run's segments (none: the plain fold)
   */
  public static Builder builder(RunWindow window, ZoneId zone, JourneyOptions options,
      List<? extends AttributionModel> models, Segmentation segmentation) {
    return new Builder(window, zone, options, models, segmentation);
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
    /* With segments: one segmented builder per date instead (builders stays empty). */
    private final Segmentation segmentation;
    private final SegmentedAggregate.Builder[] segmented;
    private CustomerEvents slice;
    private final boolean[] seen;

    private Builder(RunWindow window, ZoneId zone, JourneyOptions options, List<? extends AttributionModel> models,
        Segmentation segmentation) {
      this.options = Objects.requireNonNull(options, "options");
      this.segmentation = Objects.requireNonNull(segmentation, "segmentation");
      this.models = List.copyOf(models);
      this.first = window.firstNeeded();
      int days = (int) (window.report().last().toEpochDay() - first.toEpochDay() + 1);
      this.starts = new long[days + 1];
      for (int i = 0; i <= days; i++) {
        starts[i] = first.plusDays(i).atStartOfDay(zone).toInstant().toEpochMilli();
      }
      this.lookback = options.lookback().toMillis();
      this.builders = new JourneyAggregate.Builder[days];
      this.segmented = new SegmentedAggregate.Builder[segmentation.enabled() ? days : 0];
      this.seen = new boolean[days];
    }

    /**
     * Adds one customer's journeys to the dates they belong to.
     *
     * @param events all events of one customer (after identity stitching and consent exclusion), any order; events
     *     outside the run's read range may be present and change nothing
     */
    public Builder addCustomer(CustomerEvents events) {
      return addCustomer(events, SegmentValues.NONE);
    }

    /**
     * Adds one customer's journeys to the dates they belong to, and to their segments' on each date.
     *
     * @param events as {@link #addCustomer(CustomerEvents)}
     * @param values the customer's event-log segment values over a span of its events (asked once per date the
     *     customer has an event on, for that date's slice)
     * @return this
     */
    public Builder addCustomer(CustomerEvents events, SegmentValues values) {
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
          long from = starts[d] - lookback;
          slice.addRange(events, from, starts[d + 1]);
          if (segmentation.enabled()) {
            if (segmented[d] == null) {
              segmented[d] = SegmentedAggregate.builder(options, models, segmentation);
            }
            segmented[d].addCustomer(slice, values.in(from, starts[d + 1]), starts[d], starts[d + 1]);
            continue;
          }
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
      TreeMap<LocalDate, SegmentedAggregate> out = new TreeMap<>();
      for (int d = 0; d < builders.length; d++) {
        if (builders[d] != null) {
          out.put(first.plusDays(d), SegmentedAggregate.of(builders[d].build()));
        } else if (segmented.length > 0 && segmented[d] != null) {
          out.put(first.plusDays(d), segmented[d].build());
        }
      }
      return DatedAggregates.ofSegmented(out);
    }
  }
}
