package io.tributary.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Daily media spend per paid channel and campaign: every touch of a paid channel costs
 * {@link SampleChannel#costCents()}, booked on the touch's UTC day and its campaign. Counted in whole cents, so the file
 * is exact, and a channel's day is exactly the sum of its campaigns' rows (a channel-level run reads the same spend
 * as before the file had campaigns; a campaign-level run gets ROAS per campaign). Touches of opted-out customers cost
 * money too.
 */
final class SpendLedger {
  private static final long DAY = 86_400_000L;

  private final LocalDate start;
  private final long firstDay;
  /** Per day, per (channel, campaign) slot: slot = first[channel] + campaign index. */
  private final long[][] cents;
  private final int[] first;

  /** @param spec the period */
  SpendLedger(SampleSpec spec) {
    this.start = spec.startDate();
    this.firstDay = spec.startDate().toEpochDay();
    this.first = new int[SampleChannel.all().size() + 1];
    for (SampleChannel c : SampleChannel.all()) {
      first[c.ordinal() + 1] = first[c.ordinal()] + c.campaigns().size();
    }
    this.cents = new long[spec.days()][first[first.length - 1]];
  }

  /** Books the touches of one customer. */
  void add(SimulatedCustomer c) {
    for (int i = 0; i < c.touches(); i++) {
      int channel = c.channels()[i];
      int day = (int) (Math.floorDiv(c.times()[i], DAY) - firstDay);
      cents[day][first[channel] + c.campaigns()[i]] += SampleChannel.all().get(channel).costCents();
    }
  }

  /**
   * Writes {@code date,channel,spend,campaign}: every day of the period, every campaign of every paid channel, days
   * then channels then campaigns in order.
   */
  void write(Writer out) throws IOException {
    out.append("date,channel,spend,campaign\n");
    for (int d = 0; d < cents.length; d++) {
      String date = start.plusDays(d).toString();
      for (SampleChannel c : SampleChannel.all()) {
        if (!c.paid()) {
          continue;
        }
        for (int k = 0; k < c.campaigns().size(); k++) {
          long v = cents[d][first[c.ordinal()] + k];
          out.append(date).append(',').append(c.wireName()).append(',').append(Long.toString(v / 100)).append('.')
              .append((char) ('0' + v % 100 / 10)).append((char) ('0' + v % 10)).append(',')
              .append(c.campaigns().get(k)).append('\n');
        }
      }
    }
  }
}
