package io.tributary.core.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.zone.ZoneRules;
import java.util.concurrent.atomic.LongAdder;

/**
 * Parses the timestamp forms SPEC allows, identically for every engine: an ISO-8601 instant with {@code Z} or an
 * offset, an ISO local date-time with {@code T} or a space (read in a given zone), a plain ISO date (midnight in that
 * zone), or integer epoch milliseconds.
 */
public final class Timestamps {
  /** Earliest accepted instant, 1900-01-01T00:00:00Z: anything older is a typo, not a marketing touch. */
  public static final long MIN_MILLIS = -2208988800000L;
  /** Latest accepted instant, 2200-01-01T00:00:00Z. */
  public static final long MAX_MILLIS = 7258118400000L;

  /**
   * Smallest magnitude of an epoch timestamp, 10^11 ms (1973-03-03T09:46:40Z; 1966-10-31 for negatives). Epoch
   * <em>seconds</em> of any accepted date (1900 to 2200) are smaller, and epoch milliseconds this small are a date
   * within three years of 1970, which no marketing touch has: such a number is refused rather than read as 1970.
   */
  public static final long MIN_EPOCH_MILLIS_MAGNITUDE = 100_000_000_000L;

  /** What a failed parse tells the user is allowed. */
  public static final String ALLOWED =
      "ISO-8601 instant such as 2024-03-01T10:15:00Z, local date-time such as 2024-03-01 10:15:00, or epoch ms";

  private static final DateTimeFormatter LOCAL = strict(localDateTime());

  private static final DateTimeFormatter OFFSET =
      strict(localDateTime().optionalStart().appendLiteral(' ').optionalEnd().appendOffset("+HH:MM:ss", "Z"));

  private Timestamps() {}

  /* A local date-time as SPEC writes it: ISO date, then 'T' or a space (or neither), then ISO time. */
  private static DateTimeFormatterBuilder localDateTime() {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart().appendLiteral('T').optionalEnd()
        .optionalStart().appendLiteral(' ').optionalEnd()
        .append(DateTimeFormatter.ISO_LOCAL_TIME);
  }

  /* STRICT: the default (SMART) would read 2024-02-30 as 2024-02-29, silently moving a touch. */
  private static DateTimeFormatter strict(DateTimeFormatterBuilder b) {
    return b.toFormatter(java.util.Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Parses one timestamp.
   *
   * @param text the raw cell, surrounding spaces ignored
   * @param zone the zone of local date-times
   * @return epoch milliseconds, within [{@link #MIN_MILLIS}, {@link #MAX_MILLIS}]
   * @throws IllegalArgumentException with a user-facing reason when the text is none of the allowed forms or out of
   *     range
   */
  public static long parse(String text, ZoneId zone) {
    return parse(text, zone, null);
  }

  /**
   * Parses one timestamp, counting local times that do not exist in {@code zone}: a wall-clock time in a
   * daylight-saving gap (02:30 on the spring change in New York) is read as java.time reads it, moved forward by the
   * length of the gap (03:30), and counted, so that engines can say how many were moved. A local time that occurs
   * twice (the autumn change) is read at its earlier offset and not counted: it is a real time, only ambiguous.
   *
   * @param gapShifts incremented once per local time moved out of a gap; null to count nothing
   * @see #parse(String, ZoneId)
   */
  public static long parse(String text, ZoneId zone, LongAdder gapShifts) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty timestamp (" + ALLOWED + ")");
    }
    long millis;
    try {
      millis = parseOrThrow(s, zone, gapShifts);
    } catch (DateTimeException | ArithmeticException e) {
      Values.checkAsciiDigits(s); // java.time refuses other digits too; this says why
      throw new IllegalArgumentException("cannot parse \"" + Values.clip(s) + "\" (" + ALLOWED + ")");
    }
    if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
      throw new IllegalArgumentException(
          "timestamp \"" + Values.clip(s) + "\" is out of range (1900-01-01 to 2200-01-01)");
    }
    return millis;
  }

  private static long parseOrThrow(String s, ZoneId zone, LongAdder gapShifts) {
    long fast = CanonicalTimestamps.parseOutsideGaps(s, zone);
    if (fast != CanonicalTimestamps.NOT_CANONICAL) {
      return fast;
    }
    if (isInteger(s)) {
      if (s.length() > 15) {
        throw new DateTimeException("too many digits");
      }
      long v = Long.parseLong(s);
      if (Math.abs(v) < MIN_EPOCH_MILLIS_MAGNITUDE) {
        throw new IllegalArgumentException("epoch " + s + " is too small for milliseconds (it would be "
            + format(v) + "); as seconds it is " + Instant.ofEpochSecond(v)
            + ": epoch timestamps are read as milliseconds");
      }
      return v;
    }
    char last = s.charAt(s.length() - 1);
    boolean hasOffset =
        last == 'Z' || last == 'z' || s.lastIndexOf('+') > 9 || s.lastIndexOf('-') > 9;
    if (hasOffset) {
      return OffsetDateTime.parse(s, OFFSET).toInstant().toEpochMilli();
    }
    if (s.length() == 10) {
      LocalDate day = LocalDate.parse(s);
      countGap(day.atStartOfDay(), zone, gapShifts); // a few zones have changed clocks at midnight
      return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
    LocalDateTime local;
    try {
      local = LocalDateTime.parse(s, LOCAL);
    } catch (DateTimeParseException e) {
      // An ISO instant with nanoseconds or other java.time-valid forms the builder above does not cover.
      return Instant.parse(s).toEpochMilli();
    }
    countGap(local, zone, gapShifts);
    return local.atZone(zone).toInstant().toEpochMilli();
  }

  private static void countGap(LocalDateTime local, ZoneId zone, LongAdder gapShifts) {
    if (gapShifts != null && isInGap(local, zone)) {
      gapShifts.increment();
    }
  }

  /** @return whether {@code local} does not exist in {@code zone} (a daylight-saving gap skips it) */
  public static boolean isInGap(LocalDateTime local, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    return !rules.isFixedOffset() && rules.getValidOffsets(local).isEmpty();
  }

  private static boolean isInteger(String s) {
    int start = s.charAt(0) == '-' ? 1 : 0;
    if (start == s.length()) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Formats epoch milliseconds as an ISO-8601 UTC instant, for reports. */
  public static String format(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

}
