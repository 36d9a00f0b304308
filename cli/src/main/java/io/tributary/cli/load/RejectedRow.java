package io.tributary.cli.load;

import java.util.Objects;

/**
 * One row set aside under {@code --on-bad-row skip}: SPEC's {@code rejected_rows} without {@code run_date}.
 *
 * @param source the input's name as given
 * @param line the 1-based line on which the row starts
 * @param reason why it was rejected, with its column
 * @param raw the row's fields joined back into one CSV line, personal cells redacted (see the core's RawRows)
 */
public record RejectedRow(String source, long line, String reason, String raw) {
  public RejectedRow {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(raw, "raw");
  }
}
