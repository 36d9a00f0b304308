package io.tributary.core.input;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses the short durations used by options such as {@code --lookback 30d} and {@code --half-life 12h}: a
 * non-negative number followed by {@code d}, {@code h}, {@code m} or {@code s}, an ISO-8601 duration
 * ({@code P30D}), or {@code inf}/{@code none} for no limit.
 */
public final class Durations {
  /** Stands for "no limit": far longer than any journey log, yet safe to add to epoch milliseconds. */
  public static final Duration UNLIMITED = Duration.ofDays(365L * 1000);

  private Durations() {}

  /**
   * @param text e.g. {@code 30d}, {@code 1.5d}, {@code 36h}, {@code P7D}, {@code inf}
   * @return the duration, never negative
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Duration parse(String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("inf") || s.equals("none") || s.equals("infinite")) {
      return UNLIMITED;
    }
    try {
      if (s.startsWith("p")) {
        Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
        if (d.isNegative()) {
          throw new IllegalArgumentException();
        }
        return d;
      }
      char unit = s.charAt(s.length() - 1);
      double amount = Double.parseDouble(s.substring(0, s.length() - 1));
      long unitMillis;
      switch (unit) {
        case 'd':
          unitMillis = 86_400_000L;
          break;
        case 'h':
          unitMillis = 3_600_000L;
          break;
        case 'm':
          unitMillis = 60_000L;
          break;
        case 's':
          unitMillis = 1_000L;
          break;
        default:
          throw new IllegalArgumentException();
      }
      if (!(amount >= 0) || Double.isInfinite(amount) || amount * unitMillis > UNLIMITED.toMillis()) {
        throw new IllegalArgumentException();
      }
      return Duration.ofMillis(Math.round(amount * unitMillis));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "invalid duration \"" + Values.clip(text == null ? "" : text)
              + "\" (e.g. 30d, 12h, 90m, P7D, or inf)");
    }
  }
}
