package io.tributary.core.options;

import java.util.function.Function;

/** Readers for option values, each failing with a message that names the value and what is allowed. */
final class ValueReaders {
  private ValueReaders() {}

  /** @return a reader of whole numbers from {@code min} to {@code max} */
  static Function<String, Integer> wholeNumber(int min, int max) {
    return text -> {
      String range = max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
      try {
        int v = Integer.parseInt(text.strip());
        if (v >= min && v <= max) {
          return v;
        }
      } catch (NumberFormatException e) {
        // worded below, with the value
      }
      throw new IllegalArgumentException("expected a whole number " + range + ", got \"" + text + "\"");
    };
  }

  /** @return a reader of any 64-bit whole number */
  static Function<String, Long> anyLong() {
    return text -> {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number, got \"" + text + "\"");
      }
    };
  }

  /** @return a reader of a non-blank text, stripped */
  static Function<String, String> nonBlank(String what) {
    return text -> {
      String s = text.strip();
      if (s.isEmpty()) {
        throw new IllegalArgumentException("expected " + what + ", got an empty value");
      }
      return s;
    };
  }

  /**
   * @return a reader of an ISO date such as 2024-03-31; {@code none} (the default of every date option) or an empty
   *     value is no date: null
   */
  static Function<String, java.time.LocalDate> optionalDate() {
    return text -> {
      String s = text.strip();
      if (s.isEmpty() || s.equals("none")) {
        return null;
      }
      try {
        return java.time.LocalDate.parse(s);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("expected an ISO date like 2024-03-31, got \"" + text + "\"");
      }
    };
  }

  /** @return a date as {@link #optionalDate} reads it back: {@code none} for no date */
  static String showDate(java.time.LocalDate d) {
    return d == null ? "none" : d.toString();
  }

  /** @return a reader of true or false (case-insensitive) */
  static Function<String, Boolean> bool() {
    return text -> {
      String s = text.strip().toLowerCase(java.util.Locale.ROOT);
      if (s.equals("true") || s.equals("false")) {
        return s.equals("true");
      }
      throw new IllegalArgumentException("expected true or false, got \"" + text + "\"");
    };
  }
}
