package io.tributary.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Real line numbers from split positions. Every split reports how many physical lines it read; a file's splits in
 * order of their byte offset are the file in order, so a row's line is the lines of the earlier splits of its file
 * plus its position in its own split, plus one. For a table input, "line" is the row's 1-based position in read order.
 */
final class LineNumbers implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Long> offsetBySplit;

  private LineNumbers(Map<String, Long> offsetBySplit) {
    this.offsetBySplit = offsetBySplit;
  }

  /** @param counts the {@link ParsedRecords#COUNT} records of every split of the inputs */
  static LineNumbers of(List<Row> counts) {
    Map<String, TreeMap<Long, Long>> byFile = new HashMap<>();
    for (Row r : counts) {
      byFile.computeIfAbsent(r.getString(ParsedRecords.FILE), f -> new TreeMap<>())
          .put(r.getLong(ParsedRecords.SPLIT), r.getLong(ParsedRecords.IDX));
    }
    Map<String, Long> offsets = new HashMap<>();
    byFile.forEach((file, splits) -> {
      long offset = 0;
      for (Map.Entry<Long, Long> s : splits.entrySet()) {
        offsets.put(file + '#' + s.getKey(), offset);
        offset += s.getValue();
      }
    });
    return new LineNumbers(offsets);
  }

  /** @return the lines of the splits of {@code file} before split {@code split} */
  long offset(String file, long split) {
    Long offset = offsetBySplit.get(file + '#' + split);
    if (offset == null) {
      throw new IllegalStateException("no line count for split " + split + " of " + file);
    }
    return offset;
  }

  /**
   * @param located a record located by {@code file, split, idx}: a {@link ParsedRecords#REJECTED} one, a located
   *     {@link ParsedRecords#DATA} one, or a {@link ParsedRecords#TOTALS} one that names its row
   * @return the record's 1-based line in its file
   */
  long line(Row located) {
    return offset(located.getString(ParsedRecords.FILE), located.getLong(ParsedRecords.SPLIT))
        + located.getLong(ParsedRecords.IDX) + 1;
  }
}
