package io.tributary.core.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * A fast path for the timestamp forms exports use most, {@code 2024-03-01T10:15:00Z} and
 * {@code 2024-03-01 10:15:00} (each with an optional fraction of 1 to 9 digits, {@code T} or a space), read without
 * java.time's formatter, which costs about a microsecond per call. It accepts a subset of what
 * {@link Timestamps#parse} accepts and, on every string it accepts, returns exactly what {@link Timestamps#parse}
 * returns; on anything else it answers {@link #NOT_CANONICAL} and the caller uses {@link Timestamps#parse}, which
 * also words every error. Engines that read raw bytes call {@link #parse(byte[], int, int, ZoneId)} and never make
 * a String. Thread-safe.
 */
public final class CanonicalTimestamps {
  /** Returned for a string this fast path does not handle (not an error: fall back to {@link Timestamps}). */
  public static final long NOT_CANONICAL = Long.MIN_VALUE;

  /** Days from 0000-01-01 to 1970-01-01 in the proleptic ISO calendar, as java.time counts them. */
  private static final long DAYS_0000_TO_1970 = 719_528L;
  // A date's first eight bytes (yyyy-MM-) read as one number, which Months compares, never parses.
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private CanonicalTimestamps() {}

  /**
   * @param s the raw cell
   * @param zone the zone of local date-times
   * @return epoch milliseconds, or {@link #NOT_CANONICAL}
   */
  public static long parse(String s, ZoneId zone) {
    return parse(s, zone, false);
  }

  /**
   * The same as {@link #parse(String, ZoneId)}, but a local time in a daylight-saving gap of {@code zone} is
   * {@link #NOT_CANONICAL}: callers that count such times (see {@link Timestamps#parse(String, ZoneId,
   * java.util.concurrent.atomic.LongAdder)}) leave them to the slow path, which moves and counts them.
   */
  public static long parseOutsideGaps(String s, ZoneId zone) {
    return parse(s, zone, true);
  }

  private static long parse(String s, ZoneId zone, boolean declineGaps) {
    int n = s.length();
    if (n < 19 || n > 30) {
      return NOT_CANONICAL;
    }
    // A character above U+00FF becomes '?', which no position accepts, so the answer is the same as on the chars.
    return parse(s.getBytes(StandardCharsets.ISO_8859_1), 0, n, zone, declineGaps);
  }

  /**
   * The same as {@link #parse(String, ZoneId)} on the ASCII text {@code b[from, to)}.
   *
   * @param b bytes of the cell (UTF-8 or any ASCII-compatible encoding)
   * @param from first byte of the cell
   * @param to one past its last byte
   * @param zone the zone of local date-times
   * @return epoch milliseconds, or {@link #NOT_CANONICAL}
   */
  public static long parse(byte[] b, int from, int to, ZoneId zone) {
    return parse(b, from, to, zone, false);
  }

  /** {@link #parseOutsideGaps(String, ZoneId)} on the ASCII text {@code b[from, to)}. */
  public static long parseOutsideGaps(byte[] b, int from, int to, ZoneId zone) {
    return parse(b, from, to, zone, true);
  }

  private static long parse(byte[] b, int from, int to, ZoneId zone, boolean declineGaps) {
    return parse(b, from, to, zone, declineGaps, null);
  }

  /**
   * {@link #parseOutsideGaps(byte[], int, int, ZoneId)} remembering the months it read in {@code months}: a log spans
   * few months, and a timestamp's year and month are then looked up, not parsed and counted into days again. Same
   * answers.
   *
   * @param months the reading thread's memory of months (not shared between threads)
   */
  public static long parseOutsideGaps(byte[] b, int from, int to, ZoneId zone, Months months) {
    return parse(b, from, to, zone, true, months);
  }

  /**
   * The months one thread's timestamps fell in, by their first eight bytes ({@code yyyy-MM-}), with the epoch day
   * their first day has and their length, for {@link #parseOutsideGaps(byte[], int, int, ZoneId, Months)}. A few
   * slots, each month in the one its bytes pick (another month picking it takes its place). Not thread-safe: one per
   * reading thread.
   */
  public static final class Months {
    private static final int SLOTS = 16;
    // The eight bytes as one little-endian long; 0 (eight NUL bytes, never a month) marks an empty slot.
    private final long[] heads = new long[SLOTS];
    private final long[] firstDays = new long[SLOTS];
    private final int[] lengths = new int[SLOTS];
    private final int[] years = new int[SLOTS];
    private final int[] monthsOfYear = new int[SLOTS];

    private static int slot(long head) {
      return (int) ((head * 0x9E3779B97F4A7C15L) >>> 60);
    }
  }

  private static long parse(byte[] b, int from, int to, ZoneId zone, boolean declineGaps, Months months) {
    int n = to - from;
    // yyyy-MM-dd?HH:mm:ss = 19 characters, then [.f{1,9}] then [Z].
    if (n < 19 || n > 30 || b[from + 13] != ':' || b[from + 16] != ':') {
      return NOT_CANONICAL;
    }
    byte sep = b[from + 10];
    if (sep != 'T' && sep != ' ') {
      return NOT_CANONICAL;
    }
    int year;
    int month;
    int day;
    long epochDay;
    long head = months == null ? 0 : (long) LONGS.get(b, from);
    int slot = months == null ? 0 : Months.slot(head);
    if (months != null && months.heads[slot] == head) {
      year = months.years[slot];
      month = months.monthsOfYear[slot];
      day = two(b, from + 8);
      if (day < 1 || day > months.lengths[slot]) {
        return NOT_CANONICAL;
      }
      epochDay = months.firstDays[slot] + day - 1;
    } else {
      if (b[from + 4] != '-' || b[from + 7] != '-') {
        return NOT_CANONICAL;
      }
      year = two(b, from) * 100 + two(b, from + 2);
      month = two(b, from + 5);
      day = two(b, from + 8);
      // The range checks LocalDateTime.of makes; the date arithmetic is LocalDate.toEpochDay's.
      if ((year | month) < 0 || month < 1 || month > 12) {
        return NOT_CANONICAL;
      }
      int length = monthLength(year, month);
      if (months != null) {
        months.heads[slot] = head;
        months.years[slot] = year;
        months.monthsOfYear[slot] = month;
        months.lengths[slot] = length;
        months.firstDays[slot] = epochDay(year, month, 1);
      }
      if (day < 1 || day > length) {
        return NOT_CANONICAL;
      }
      epochDay = epochDay(year, month, day);
    }
    int hour = two(b, from + 11);
    int minute = two(b, from + 14);
    int second = two(b, from + 17);
    if ((hour | minute | second) < 0) {
      return NOT_CANONICAL;
    }
    int end = to;
    boolean utc = b[to - 1] == 'Z';
    if (utc) {
      end--;
    }
    int nanos = 0;
    if (end > from + 19) {
      int fractionDigits = end - from - 20;
      if (b[from + 19] != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return NOT_CANONICAL;
      }
      int f = digits(b, from + 20, end);
      if (f < 0) {
        return NOT_CANONICAL;
      }
      for (int k = fractionDigits; k < 9; k++) {
        f *= 10;
      }
      nanos = f;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return NOT_CANONICAL;
    }
    long epochSecond;
    ZoneRules rules = utc ? null : zone.getRules();
    if (utc || rules.isFixedOffset()) {
      long local = epochDay * 86_400L + hour * 3_600L + minute * 60L + second;
      epochSecond = utc ? local : local - rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds();
    } else {
      try {
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        if (declineGaps && rules.getValidOffsets(local).isEmpty()) {
          return NOT_CANONICAL; // in a daylight-saving gap: Timestamps moves it and counts it
        }
        epochSecond = local.atZone(zone).toEpochSecond();
      } catch (DateTimeException e) {
        return NOT_CANONICAL;
      }
    }
    long millis = epochSecond * 1000L + nanos / 1_000_000;
    if (millis < Timestamps.MIN_MILLIS || millis > Timestamps.MAX_MILLIS) {
      return NOT_CANONICAL;
    }
    return millis;
  }

  private static int monthLength(int year, int month) {
    if (month == 2) {
      boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /* LocalDate.toEpochDay for a valid date of a year 0..9999. */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (monthLength(year, 2) == 28) {
        total--;
      }
    }
    return total - DAYS_0000_TO_1970;
  }

  /*
   * The two-digit number at b[i], or -100000 when either byte is not an ASCII digit (negative even as the low half of
   * a year, 100 * x + that). It runs six times per row of a ten-million-row log: one branch, not a loop.
   */
  private static int two(byte[] b, int i) {
    int hi = b[i] - '0';
    int lo = b[i + 1] - '0';
    return (hi | lo | (9 - hi) | (9 - lo)) < 0 ? -100_000 : hi * 10 + lo;
  }

  /* The non-negative number written by b[from, to), or -1 when a byte is not an ASCII digit. */
  private static int digits(byte[] b, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
