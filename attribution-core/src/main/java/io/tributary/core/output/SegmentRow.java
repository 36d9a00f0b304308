package io.tributary.core.output;

import java.util.List;
import java.util.Objects;

/**
 * A row of a segmented table ({@code --segment-by}): the segment values it is for, how a data-driven model was
 * fitted for it, and the unsegmented table's row. See {@link OutputTables#segmented}.
 *
 * @param segments one value per segment name, {@code (all)} where the row holds every value of that segment
 * @param fitScope {@code segment} or {@code pooled} on {@code channel_credit} rows, else null
 * @param row the row as the unsegmented table has it
 * @param <R> the unsegmented row type
 */
public record SegmentRow<R>(List<String> segments, String fitScope, R row) {
  /** A model fitted on the row's own journeys (every rule model; a data-driven one with enough journeys). */
  public static final String FIT_SEGMENT = "segment";
  /** A data-driven model's all-customer fit applied to a segment too small for its own. */
  public static final String FIT_POOLED = "pooled";

  public SegmentRow {
    segments = List.copyOf(segments);
    Objects.requireNonNull(row, "row");
  }
}
