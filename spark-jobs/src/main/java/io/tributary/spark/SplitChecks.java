package io.tributary.spark;

import io.tributary.core.InputException;
import io.tributary.core.input.RangeCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * What the driver checks in the {@link ParsedRecords#COUNT} records of a read before it trusts any row: that the CSV
 * splits of each file agree on where records start (the core's {@link RangeCheck}; a quoted line break across a split
 * boundary makes them disagree, and the file is then read again in one piece), and, once they do, whether a split was
 * stopped by an error that ends the run (reported with its line in the file).
 */
final class SplitChecks {
  private SplitChecks() {}

  /** @return the display names of the files whose splits disagree on a record boundary */
  static Set<String> disagreeing(List<Row> counts) {
    Set<String> out = new HashSet<>();
    byFile(counts).forEach((file, splits) -> {
      List<Row> csv = splits.stream().filter(r -> !r.isNullAt(ParsedRecords.FIRST)).toList();
      long[] first = new long[csv.size()];
      long[] stop = new long[csv.size()];
      for (int k = 0; k < csv.size(); k++) {
        first[k] = csv.get(k).getLong(ParsedRecords.FIRST);
        stop[k] = csv.get(k).getLong(ParsedRecords.STOP);
      }
      if (RangeCheck.firstDisagreement(first, stop) >= 0) {
        out.add(file);
      }
    });
    return out;
  }

  /**
   * @param counts every split's count of the inputs just read, whose splits agree
   * @param lines their line numbers
   * @throws InputException the first error (by file, then position) that stopped a split, at its line in the file
   */
  static void throwFirstError(List<Row> counts, LineNumbers lines) {
    for (Map.Entry<String, List<Row>> e : byFile(counts).entrySet()) {
      for (Row r : e.getValue()) {
        if (!r.isNullAt(ParsedRecords.REASON)) {
          long rel = r.getLong(ParsedRecords.TS);
          long line = rel == 0 ? 0 : lines.offset(e.getKey(), r.getLong(ParsedRecords.SPLIT)) + rel;
          throw new InputException(e.getKey(), line, r.getString(ParsedRecords.RAW),
              r.getString(ParsedRecords.REASON));
        }
      }
    }
  }

  private static TreeMap<String, List<Row>> byFile(List<Row> counts) {
    TreeMap<String, List<Row>> out = new TreeMap<>();
    for (Row r : counts) {
      out.computeIfAbsent(r.getString(ParsedRecords.FILE), f -> new ArrayList<>()).add(r);
    }
    out.values().forEach(l -> l.sort(Comparator.comparingLong(r -> r.getLong(ParsedRecords.SPLIT))));
    return out;
  }
}
