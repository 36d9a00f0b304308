package io.tributary.core.input;

import io.tributary.core.journey.Event;
import java.math.BigDecimal;

/**
 * Where {@link EventRowParser} puts accepted events: either as bytes still in the reader's buffer (the plain rows of
 * a CSV file, no String made for the customer id or channel) or as an {@link Event}.
 */
public interface EventSink {
  /**
   * Adds one accepted event whose ids lie in a byte buffer (already stripped, printable ASCII).
   *
   * @param b the buffer (valid only during this call)
   * @param customerFrom first byte of the customer id (before identity stitching)
   * @param customerTo one past it
   * @param time epoch ms
   * @param channelFrom first byte of the channel name, or -1 for none
   * @param channelTo one past it
   * @param touch whether the row is a touch
   * @param conversion whether the row converts
   * @param value the conversion value; null for none
   * @param orderId the order id, or null
   */
  void add(byte[] b, int customerFrom, int customerTo, long time, int channelFrom, int channelTo, boolean touch,
      boolean conversion, BigDecimal value, String orderId);

  /** Adds one accepted event parsed from text. */
  void add(Event e);

  /**
   * The segment values ({@code --segment-by} columns) of the rows added from now on, until the next call; called only
   * when the parser reads segment columns: before the first row, and at least before every row whose values are not
   * the ones handed last (a customer's rows mostly share theirs, and are then handed them once). The array is the
   * parser's: copy or intern what you keep.
   */
  default void segments(String[] values) {}
}
