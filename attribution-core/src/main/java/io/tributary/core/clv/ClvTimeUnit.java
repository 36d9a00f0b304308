package io.tributary.core.clv;

import java.util.Locale;

/** The unit in which t_x, T and the BG/NBD scale α are expressed: whole days divided by {@link #days()}. */
public enum ClvTimeUnit {
  /** One day. */
  DAY(1),
  /** Seven days, the unit of the published CDNOW fits. */
  WEEK(7);

  private final int days;

  ClvTimeUnit(int days) {
    this.days = days;
  }

  /** @return the days in one unit (1 or 7) */
  public int days() {
    return days;
  }

  /** @return the name on the command line: {@code day} or {@code week} */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param text {@code day} or {@code week}, any case
   * @return the unit
   * @throws IllegalArgumentException naming the accepted values
   */
  public static ClvTimeUnit parse(String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (ClvTimeUnit u : values()) {
      if (u.label().equals(s)) {
        return u;
      }
    }
    throw new IllegalArgumentException("expected day or week, got \"" + text + "\"");
  }
}
