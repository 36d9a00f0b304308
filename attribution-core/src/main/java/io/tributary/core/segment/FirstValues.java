package io.tributary.core.segment;

/**
 * The rule that makes an event-log column a customer's segment: the value at the customer's first event, i.e. at the
 * earliest timestamp; when several events share it, the smallest value in text order ({@link String#compareTo}), so
 * the input's row order never matters. Every engine folds a customer's rows through one of these. Not thread-safe.
 */
public final class FirstValues {
  private final String[] values;
  private long time;
  private boolean any;

  /** @param columns the number of event-log segment columns */
  public FirstValues(int columns) {
    this.values = new String[columns];
  }

  /** Starts the next customer. */
  public void clear() {
    any = false;
  }

  /**
   * Offers one event's segment values.
   *
   * @param timestamp the event's epoch ms
   * @param row its values, one per column
   */
  public void offer(long timestamp, String[] row) {
    if (!any || timestamp < time) {
      System.arraycopy(row, 0, values, 0, values.length);
      time = timestamp;
      any = true;
      return;
    }
    if (timestamp == time) {
      for (int k = 0; k < values.length; k++) {
        if (row[k].compareTo(values[k]) < 0) {
          values[k] = row[k];
        }
      }
    }
  }

  /** @return the customer's values (the array is reused for the next customer: copy what you keep) */
  public String[] values() {
    if (!any && values.length > 0) {
      throw new IllegalStateException("no event offered");
    }
    return values;
  }
}
