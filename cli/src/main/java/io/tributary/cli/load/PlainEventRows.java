package io.tributary.cli.load;

import io.tributary.core.input.CanonicalTimestamps;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.input.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Accepts the plain rows of an event log straight from bytes: ASCII, unquoted, no surrounding spaces, a canonical
 * timestamp, known flags. Every row it accepts, the core's {@link EventRowParser} accepts as the same event (the
 * checks below are its rules, restricted to that easy case); every other row, including every row the core would
 * reject, it declines, and the caller hands that row to {@link EventRowParser}, which decides and words the reason.
 * So both engines keep one set of rules, and ten million plain rows cost no String but the few order ids and values.
 *
 * <p>Thread-safe (stateless apart from the resolved columns).
 */
final class PlainEventRows {
  private final int width;
  private final int customerIx;
  private final int timestampIx;
  private final int channelIx;
  private final int conversionIx;
  private final int valueIx;
  private final int typeIx;
  private final int orderIx;
  private final ZoneId zone;

  /**
   * @param header the resolved header
   * @param zone zone of local date-times
   */
  PlainEventRows(Header header, ZoneId zone) {
    width = header.width();
    customerIx = header.index("customer_id");
    timestampIx = header.index("timestamp");
    channelIx = header.index("channel");
    conversionIx = header.index("conversion");
    valueIx = header.index("conversion_value");
    typeIx = header.index("event_type");
    orderIx = header.index("order_id");
    this.zone = zone;
  }

  /**
   * Adds the current record as an event when it is plain.
   *
   * @param r positioned on a record
   * @param out where the event goes
   * @return whether it was added; false means the core's parser must decide on this row
   */
  boolean add(ByteRecords r, EventStore.Writer out) {
    if (!r.ascii() || r.fields() != width) {
      return false;
    }
    byte[] b = r.buffer();
    int cf = r.from(customerIx);
    int ct = r.to(customerIx);
    if (r.quoted(customerIx) || cf == ct || ct - cf > EventRowParser.MAX_ID_LENGTH || !stripped(b, cf, ct)) {
      return false;
    }
    // A canonical timestamp starts with a digit and ends with a digit or Z: nothing to strip, never quoted here.
    long time = r.quoted(timestampIx) ? CanonicalTimestamps.NOT_CANONICAL
        : CanonicalTimestamps.parseOutsideGaps(b, r.from(timestampIx), r.to(timestampIx), zone);
    if (time == CanonicalTimestamps.NOT_CANONICAL) {
      return false;
    }
    boolean conversionRow = false;
    if (typeIx >= 0) {
      int f = r.from(typeIx);
      int t = r.to(typeIx);
      if (r.quoted(typeIx)) {
        return false;
      }
      if (t > f) {
        if (is(b, f, t, "conversion")) {
          conversionRow = true;
        } else if (!is(b, f, t, "touch")) {
          return false;
        }
      }
    }
    boolean converts = conversionRow;
    if (!conversionRow && conversionIx >= 0) {
      // The core reads the flag only when event_type has not already made the row a conversion.
      int flag = r.quoted(conversionIx) ? -1 : flag(b, r.from(conversionIx), r.to(conversionIx));
      if (flag < 0) {
        return false;
      }
      converts = flag == 1;
    }
    BigDecimal value = null;
    if (valueIx >= 0 && r.to(valueIx) > r.from(valueIx)) {
      String text = ascii(r, valueIx);
      if (text == null) {
        return false;
      }
      try {
        value = Values.parseAmount(text);
      } catch (IllegalArgumentException e) {
        return false;
      }
      if (!converts && value.signum() != 0) {
        return false;
      }
    }
    int chf = channelIx < 0 ? 0 : r.from(channelIx);
    int cht = channelIx < 0 ? 0 : r.to(channelIx);
    if (channelIx >= 0 && r.quoted(channelIx)) {
      return false;
    }
    if (cht == chf ? !conversionRow : !plainChannel(b, chf, cht)) {
      return false;
    }
    String orderId = null;
    if (orderIx >= 0 && r.to(orderIx) > r.from(orderIx)) {
      if (r.to(orderIx) - r.from(orderIx) > EventRowParser.MAX_ID_LENGTH) {
        return false;
      }
      orderId = ascii(r, orderIx);
      if (orderId == null) {
        return false;
      }
    }
    out.add(b, cf, ct, time, cht == chf ? -1 : chf, cht, !conversionRow, converts, value, orderId);
    return true;
  }

  /* The unquoted, already-stripped ASCII text of a field, or null when it is quoted or has spaces around it. */
  private static String ascii(ByteRecords r, int i) {
    byte[] b = r.buffer();
    int f = r.from(i);
    int t = r.to(i);
    if (r.quoted(i) || !stripped(b, f, t)) {
      return null;
    }
    return new String(b, f, t - f, StandardCharsets.ISO_8859_1);
  }

  /* Whether String.strip would leave the ASCII text b[f, t) alone (it removes spaces and controls 9-13, 28-31). */
  private static boolean stripped(byte[] b, int f, int t) {
    return t == f || (b[f] > ' ' && b[t - 1] > ' ');
  }

  /* The core's channel checks on ASCII text: length, no control character, no path separator, nothing to strip. */
  private static boolean plainChannel(byte[] b, int f, int t) {
    if (t - f > EventRowParser.MAX_CHANNEL_LENGTH || !stripped(b, f, t)) {
      return false;
    }
    for (int i = f; i < t; i++) {
      byte c = b[i];
      if (c < ' ' || c == 0x7F || c == '>') {
        return false;
      }
    }
    return true;
  }

  /* Values.parseFlag on ASCII text: 0 false, 1 true, -1 for anything it would not accept as is. */
  private static int flag(byte[] b, int f, int t) {
    int n = t - f;
    if (n == 0) {
      return 0;
    }
    if (n == 1) {
      return b[f] == '0' ? 0 : b[f] == '1' ? 1 : -1;
    }
    if (is(b, f, t, "false") || is(b, f, t, "no")) {
      return 0;
    }
    return is(b, f, t, "true") || is(b, f, t, "yes") ? 1 : -1;
  }

  /* Whether b[f, t) is `word` (lower-case ASCII) ignoring ASCII case, as toLowerCase(ROOT) compares it. */
  private static boolean is(byte[] b, int f, int t, String word) {
    if (t - f != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      int c = b[f + i];
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
