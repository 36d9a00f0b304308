package io.tributary.core.input;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A fast path for the timestamp forms exports use most, {@code 2024-03-01T10:15:00Z} and
 * {@code 2024-03-01 10:15:00} (each with an optional fraction of 1 to 9 digits, {@code T} or a space), read without
 * java.time's formatter, which costs about a microsecond per call. It accepts a subset of what
 * {@link Timestamps#parse} accepts and, on every string it accepts, returns exactly what {@link Timestamps#parse}
 * returns; on anything else it answers {@link #NOT_CANONICAL} and the caller uses {@link Timestamps#parse}, which
 * also words every error. Thread-safe.
 */
public final class CanonicalTimestamps {
  /** Returned for a string this fast path does not handle (not an error: fall back to {@link Timestamps}). */
  public static final long NOT_CANONICAL = Long.MIN_VALUE;

  private CanonicalTimestamps() {}

  /**
   * @param s the raw cell
   * @param zone the zone of local date-times
   * @return epoch milliseconds, or {@link #NOT_CANONICAL}
   */
  public static long parse(String s, ZoneId zone) {
    int n = s.length();
    // yyyy-MM-dd?HH:mm:ss = 19 characters, then [.f{1,9}] then [Z].
    if (n < 19 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return NOT_CANONICAL;
    }
    char sep = s.charAt(10);
    if (sep != 'T' && sep != ' ') {
      return NOT_CANONICAL;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return NOT_CANONICAL;
    }
    int end = n;
    boolean utc = s.charAt(n - 1) == 'Z';
    if (utc) {
      end--;
    }
    int nanos = 0;
    if (end > 19) {
      int fractionDigits = end - 20;
      if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return NOT_CANONICAL;
      }
      int f = digits(s, 20, end);
      if (f < 0) {
        return NOT_CANONICAL;
      }
      for (int k = fractionDigits; k < 9; k++) {
        f *= 10;
      }
      nanos = f;
    }
    long millis;
    try {
      LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      long epochSecond = utc ? t.toEpochSecond(ZoneOffset.UTC) : t.atZone(zone).toEpochSecond();
      millis = Math.addExact(Math.multiplyExact(epochSecond, 1000L), nanos / 1_000_000);
    } catch (DateTimeException | ArithmeticException e) {
      return NOT_CANONICAL;
    }
    if (millis < Timestamps.MIN_MILLIS || millis > Timestamps.MAX_MILLIS) {
      return NOT_CANONICAL;
    }
    return millis;
  }

  /* The non-negative number written by s[from, to), or -1 when a character is not an ASCII digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
