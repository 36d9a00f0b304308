package io.tributary.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Daily media spend per paid channel: every touch of a paid channel costs {@link SampleChannel#costCents()}, booked on
 * the touch's UTC day. Counted in whole cents, so the file is exact. Touches of opted-out customers cost money too.
 */
final class SpendLedger {
  private static final long DAY = 86_400_000L;

  private final LocalDate start;
  private final long firstDay;
  private final long[][] cents;

  /** @param spec the period */
  SpendLedger(SampleSpec spec) {
    this.start = spec.startDate();
    this.firstDay = spec.startDate().toEpochDay();
    this.cents = new long[spec.days()][SampleChannel.all().size()];
  }

  /** Books the touches of one customer. */
  void add(SimulatedCustomer c) {
    for (int i = 0; i < c.touches(); i++) {
      int channel = c.channels()[i];
      int day = (int) (Math.floorDiv(c.times()[i], DAY) - firstDay);
      cents[day][channel] += SampleChannel.all().get(channel).costCents();
    }
  }

  /** Writes {@code date,channel,spend}: every day of the period, every paid channel, days then channels in order. */
  void write(Writer out) throws IOException {
    out.append("date,channel,spend\n");
    for (int d = 0; d < cents.length; d++) {
      String date = start.plusDays(d).toString();
      for (SampleChannel c : SampleChannel.all()) {
        if (!c.paid()) {
          continue;
        }
        long v = cents[d][c.ordinal()];
        out.append(date).append(',').append(c.wireName()).append(',').append(Long.toString(v / 100)).append('.')
            .append((char) ('0' + v % 100 / 10)).append((char) ('0' + v % 10)).append('\n');
      }
    }
  }
}
