package io.tributary.core.output;

import java.util.Objects;

/**
 * One row of {@code rejected_rows}: an input row set aside with its reason.
 *
 * @param source the input's name as given
 * @param line the 1-based line on which the row starts
 * @param reason why it was rejected, with its column
 * @param raw the row as read, personal cells redacted; null when the engine has none
 */
public record Rejection(String source, long line, String reason, String raw) {
  public Rejection {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }
}
