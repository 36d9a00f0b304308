package io.tributary.cli.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Writes one simulated customer as CSV rows: their events, the aliases they used ({@code identities.csv}) and their
 * opt-out ({@code consent.csv}). Not thread-safe: it reuses one row buffer.
 */
final class CustomerRows {
  /*
   * How a customer becomes rows:
   *  - Every touch is a row (event_type = touch). Online touches carry the device id; store visits and calls none.
   *  - Customer id on a row: an anonymous device's id before the customer's first purchase (the login stitches it),
   *    a loyalty card's id on every store visit of a card holder, the customer id otherwise. Every alias used is
   *    written once to identities.csv.
   *  - A purchase at an offline touch, or an online one checked out within the second, is conversion = 1 on the
   *    touch row itself. Other online purchases are a separate conversion-only row (empty channel) at the checkout
   *    time, always before the next touch, under the customer id.
   *  - A duplicated purchase is reported again by a conversion-only row with the same order id (a re-fired pixel);
   *    the journey builder drops it.
   *  - A repeat purchase of the lifetime process is a conversion-only row under the customer id, on device 0, with
   *    the order id ord-<number>-r<n>; it is written in time order among the touches.
   */

  /**
   * The events header, in SPEC's column order, then the two segment columns (constant per customer, last so that
   * every earlier column is where it always was).
   */
  static final String EVENTS_HEADER =
      "customer_id,timestamp,channel,conversion,conversion_value,event_type,campaign,device_id,order_id,"
          + CustomerSegments.PERSONA + "," + CustomerSegments.LOYALTY;
  static final String IDENTITIES_HEADER = "alias_id,customer_id";
  static final String CONSENT_HEADER = "customer_id";

  private static final long DAY = 86_400_000L;

  private final long deviceSalt;
  private final long cardSalt;
  private final int idWidth;
  private final long firstDay;
  private final String[] dayPrefix;
  private final StringBuilder row = new StringBuilder(160);
  private String segments = ""; // ",<persona>,<loyalty>" of the customer being written

  /** @param spec the data set's spec (seed for alias ids, customer count for id width, period for dates) */
  CustomerRows(SampleSpec spec) {
    this.deviceSalt = CustomerSimulator.mix64(spec.seed() ^ 0x5DEECE66DL);
    this.cardSalt = CustomerSimulator.mix64(spec.seed() ^ 0xCAFEBABEL);
    this.idWidth = Math.max(6, Long.toString(spec.customers()).length());
    this.firstDay = spec.startDate().toEpochDay();
    this.dayPrefix = new String[spec.days() + 2];
    for (int d = 0; d < dayPrefix.length; d++) {
      dayPrefix[d] = LocalDate.ofEpochDay(firstDay + d) + "T";
    }
  }

  /** @return the customer id of customer {@code index} (0-based): {@code c} and the 1-based number, zero-padded */
  String customerId(long index) {
    String digits = Long.toString(index + 1);
    StringBuilder sb = new StringBuilder(idWidth + 1).append('c');
    for (int i = digits.length(); i < idWidth; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  /** @return the id of a customer's device; unique, because mix64 is a bijection */
  String deviceId(long index, int device) {
    return "dev-" + hex16(CustomerSimulator.mix64(deviceSalt + index * 4 + device));
  }

  /** @return the id of a customer's loyalty card */
  String cardId(long index) {
    return "card-" + hex16(CustomerSimulator.mix64(cardSalt + index));
  }

  /**
   * Writes the customer's rows.
   *
   * @return the number of event rows written
   */
  long write(SimulatedCustomer c, Writer events, Writer identities, Writer consent) throws IOException {
    String customer = customerId(c.index());
    segments = "," + c.persona() + "," + c.loyalty();
    String anonymousDevice = c.anonymousDevice() ? deviceId(c.index(), 0) : null;
    String card = c.loyaltyCard() ? cardId(c.index()) : null;
    boolean deviceUsed = false;
    boolean cardUsed = false;
    boolean purchased = false;
    int orders = 0;
    long rows = 0;
    RepeatPurchases repeats = c.repeats();
    int repeat = 0;
    String repeatDevice = deviceId(c.index(), 0);
    for (int i = 0; i < c.touches(); i++) {
      for (; repeat < repeats.count() && repeats.times()[repeat] < c.times()[i]; repeat++) {
        rows += writeRepeat(events, customer, repeatDevice, repeats, repeat);
      }
      SampleChannel ch = SampleChannel.all().get(c.channels()[i]);
      String device = ch.online() ? deviceId(c.index(), c.devices()[i]) : "";
      String id = customer;
      if (ch == SampleChannel.STORE_VISIT && card != null) {
        id = card;
        cardUsed = true;
      } else if (!purchased && anonymousDevice != null && device.equals(anonymousDevice)) {
        id = anonymousDevice;
        deviceUsed = true;
      }
      String campaign = ch.campaigns().get(c.campaigns()[i]);
      long time = c.times()[i];
      if (!c.converts()[i]) {
        writeRow(events, id, time, ch.wireName(), false, -1, "touch", campaign, device, "");
        rows++;
        continue;
      }
      purchased = true;
      String order = "ord-" + customer.substring(1) + "-" + (++orders);
      long value = c.valueCents()[i];
      long checkout = c.delayMillis()[i];
      if (checkout == 0) {
        writeRow(events, id, time, ch.wireName(), true, value, "touch", campaign, device, order);
      } else {
        writeRow(events, id, time, ch.wireName(), false, -1, "touch", campaign, device, "");
        writeRow(events, customer, time + checkout, "", true, value, "conversion", "", device, order);
        rows++;
      }
      rows++;
      if (c.duplicateDelayMillis()[i] > 0) {
        writeRow(events, customer, time + checkout + c.duplicateDelayMillis()[i], "", true, value, "conversion", "",
            device, order);
        rows++;
      }
    }
    for (; repeat < repeats.count(); repeat++) {
      rows += writeRepeat(events, customer, repeatDevice, repeats, repeat);
    }
    if (deviceUsed) {
      identities.append(anonymousDevice).append(',').append(customer).append('\n');
    }
    if (cardUsed) {
      identities.append(card).append(',').append(customer).append('\n');
    }
    if (c.optedOut()) {
      String alias = cardUsed ? card : deviceUsed ? anonymousDevice : null;
      consent.append(c.optOutUnderAlias() && alias != null ? alias : customer).append('\n');
    }
    return rows;
  }

  private int writeRepeat(Writer events, String customer, String device, RepeatPurchases repeats, int k)
      throws IOException {
    writeRow(events, customer, repeats.times()[k], "", true, repeats.valueCents()[k], "conversion", "", device,
        "ord-" + customer.substring(1) + "-r" + (k + 1));
    return 1;
  }

  private void writeRow(Writer out, String id, long time, String channel, boolean conversion, long valueCents,
      String type, String campaign, String device, String order) throws IOException {
    StringBuilder sb = row;
    sb.setLength(0);
    sb.append(id).append(',');
    appendTimestamp(sb, time);
    sb.append(',').append(channel).append(',').append(conversion ? '1' : '0').append(',');
    if (valueCents >= 0) {
      sb.append(valueCents / 100).append('.');
      long cents = valueCents % 100;
      sb.append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10));
    }
    sb.append(',').append(type).append(',').append(campaign).append(',').append(device).append(',').append(order)
        .append(segments).append('\n');
    out.append(sb);
  }

  /** ISO-8601 UTC to the second, e.g. {@code 2024-03-01T10:15:00Z}; every time is a whole second. */
  private void appendTimestamp(StringBuilder sb, long millis) {
    long day = Math.floorDiv(millis, DAY);
    int d = (int) (day - firstDay);
    sb.append(d >= 0 && d < dayPrefix.length ? dayPrefix[d] : LocalDate.ofEpochDay(day) + "T");
    int secondOfDay = (int) (Math.floorMod(millis, DAY) / 1000);
    two(sb, secondOfDay / 3600).append(':');
    two(sb, secondOfDay / 60 % 60).append(':');
    two(sb, secondOfDay % 60).append('Z');
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }

  private static String hex16(long v) {
    String h = Long.toHexString(v);
    return "0".repeat(16 - h.length()) + h;
  }
}
