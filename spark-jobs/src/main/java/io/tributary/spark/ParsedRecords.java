package io.tributary.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The one record shape that flows from the readers through the shuffle to the driver. Reading, validating, folding
 * and counting happen in a single pass over the input, so every record says what it is:
 *
 * <ul>
 *   <li>{@link #DATA}: an accepted row of a side input or a path file, its fields in {@code key, ts, s1..s3, flags}
 *       (meaning per input); a row whose line a later check must name is also located by {@code file, split, idx};
 *   <li>{@link #EVENTS}: a reading task's accepted events bound for one customer partition (its index in
 *       {@code idx}), packed as an {@link EventBatch} in {@code payload};
 *   <li>{@link #REJECTED}: a rejected row, located by {@code file, split, idx} until line numbers are known;
 *   <li>{@link #COUNT}: one per input split: physical lines in {@code idx}, rows read / accepted / excluded by consent
 *       in {@code n1..n3}; for a CSV split also the byte its first record started at ({@code first}) and where its
 *       reader stopped ({@code stop}), which {@link SplitChecks} compares between neighbouring splits; and, when the
 *       split could not be read on (bad UTF-8, a broken quote, a truncated gzip), that error: its reason in
 *       {@code reason}, its column in {@code raw}, its split-relative line in {@code ts};
 *   <li>{@link #AGGREGATE}: one per partition, the encoded journey aggregate in {@code payload}; in a windowed run one
 *       per partition and date, the date's epoch day in {@code ts} (a partition without journeys sends one with no
 *       payload, for its counts);
 *   <li>{@link #TOTALS}: one per split of a path file: the journeys it counted, conversions in {@code n1} and nulls in
 *       {@code n2}; when its own rows passed the core's limit, the row in {@code idx} (else -1) and the column in
 *       {@code s1};
 *   <li>{@link #NOTES}: one per split of an event log: rows whose local time fell in a daylight-saving gap in
 *       {@code n1}, the consent list's ids its excluded rows matched in {@code payload} (a {@link java.util.BitSet});
 *   <li>{@link #LIFETIME}: one per partition when the run values its customers: the partition's buyers, an encoded
 *       {@link io.tributary.core.lifetime.LifetimeTally}, in {@code payload}, their number in {@code n1}.
 * </ul>
 */
final class ParsedRecords {
  static final int COUNT = 0;
  static final int DATA = 1;
  static final int REJECTED = 2;
  static final int AGGREGATE = 3;
  static final int TOTALS = 4;
  static final int NOTES = 5;
  static final int LIFETIME = 6;
  static final int EVENTS = 7;

  static final int KIND = 0;
  static final int KEY = 1;
  static final int TS = 2;
  static final int S1 = 3;
  static final int S2 = 4;
  static final int S3 = 5;
  static final int FLAGS = 6;
  static final int FILE = 7;
  static final int SPLIT = 8;
  static final int IDX = 9;
  static final int REASON = 10;
  static final int RAW = 11;
  static final int N1 = 12;
  static final int N2 = 13;
  static final int N3 = 14;
  static final int PAYLOAD = 15;
  static final int FIRST = 16;
  static final int STOP = 17;
  /** A data record's segment values ({@code --segment-by} columns), joined by {@link #SEGMENT_SEPARATOR}; else null. */
  static final int SEG = 18;
  /** Joins segment values: a control character, which the core's parser refuses inside a value. */
  static final char SEGMENT_SEPARATOR = '\u001f';

  static final StructType SCHEMA = new StructType()
      .add("kind", DataTypes.IntegerType, false)
      .add("key", DataTypes.StringType)
      .add("ts", DataTypes.LongType)
      .add("s1", DataTypes.StringType)
      .add("s2", DataTypes.StringType)
      .add("s3", DataTypes.StringType)
      .add("flags", DataTypes.IntegerType)
      .add("file", DataTypes.StringType)
      .add("split", DataTypes.LongType)
      .add("idx", DataTypes.LongType)
      .add("reason", DataTypes.StringType)
      .add("raw", DataTypes.StringType)
      .add("n1", DataTypes.LongType)
      .add("n2", DataTypes.LongType)
      .add("n3", DataTypes.LongType)
      .add("payload", DataTypes.BinaryType)
      .add("first", DataTypes.LongType)
      .add("stop", DataTypes.LongType)
      .add("seg", DataTypes.StringType);

  private ParsedRecords() {}

  /* A record of SCHEMA's shape from its first cells; the cells after them (seg) are null. */
  private static Row record(Object... cells) {
    Object[] all = java.util.Arrays.copyOf(cells, SCHEMA.length());
    return RowFactory.create(all);
  }

  /** A data record carrying segment values ({@code segments} null or empty for none). */
  static Row data(String key, Long ts, String s1, String s2, String s3, int flags, String[] segments) {
    Row r = data(key, ts, s1, s2, s3, flags);
    if (segments == null || segments.length == 0) {
      return r;
    }
    Object[] cells = new Object[SCHEMA.length()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = r.get(i);
    }
    cells[SEG] = String.join(String.valueOf(SEGMENT_SEPARATOR), segments);
    return RowFactory.create(cells);
  }

  /** @return segment values joined by {@link #SEGMENT_SEPARATOR}, split (none for null) */
  static String[] segments(String joined) {
    return joined == null ? new String[0] : joined.split(String.valueOf(SEGMENT_SEPARATOR), -1);
  }

  /** Accepted events for customer partition {@code partition}, packed by {@link EventBatch.Writer#take}. */
  static Row events(int partition, byte[] batch) {
    return record(EVENTS, null, null, null, null, null, 0, null, null, (long) partition, null, null, null, null,
        null, batch, null, null);
  }

  static Row data(String key, Long ts, String s1, String s2, String s3, int flags) {
    return record(DATA, key, ts, s1, s2, s3, flags, null, null, null, null, null, null, null, null, null,
        null, null);
  }

  /** An accepted row located by {@code file, split, idx} (its 0-based line in its split), as a rejected row is. */
  static Row locatedData(String key, String s1, String file, long split, long idx) {
    return record(DATA, key, null, s1, null, null, 0, file, split, idx, null, null, null, null, null, null,
        null, null);
  }

  static Row rejected(String file, long split, long idx, String reason, String raw) {
    // The key spreads rejected rows over the shuffle's partitions instead of piling them on one.
    return record(REJECTED, file + '#' + split + '#' + idx, null, null, null, null, 0, file, split, idx,
        reason, raw, null, null, null, null, null, null);
  }

  static Row count(String file, long split, long lines, long read, long accepted, long excluded) {
    return count(file, split, lines, read, accepted, excluded, null, null, null);
  }

  /**
   * A split's count with its reading positions (null for a table partition) and the error that stopped it (null
   * when none did).
   */
  static Row count(String file, long split, long lines, long read, long accepted, long excluded, Long first,
      Long stop, io.tributary.core.InputException fatal) {
    return record(COUNT, file + '#' + split, fatal == null ? null : fatal.line(), null, null, null, 0,
        file, split, lines, fatal == null ? null : fatal.reason(), fatal == null ? null : fatal.column(), read,
        accepted, excluded, null, first, stop);
  }

  static Row totals(String file, long split, long idx, String exceededColumn, long conversions, long nulls) {
    return record(TOTALS, file + '#' + split, null, exceededColumn, null, null, 0, file, split, idx, null,
        null, conversions, nulls, null, null, null, null);
  }

  static Row notes(String file, long split, long gapShifts, byte[] matchedOptOuts) {
    return record(NOTES, file + '#' + split, null, null, null, null, 0, file, split, null, null, null,
        gapShifts, null, null, matchedOptOuts, null, null);
  }

  static Row lifetime(byte[] payload, long buyers) {
    return record(LIFETIME, null, null, null, null, null, 0, null, null, null, null, null, buyers, null,
        null, payload, null, null);
  }

  static Row aggregate(byte[] payload, long customers, long events) {
    return aggregate(payload, customers, events, null);
  }

  /** A windowed run's aggregate of one date ({@code epochDay}), or of none (null payload and day). */
  static Row aggregate(byte[] payload, long customers, long events, Long epochDay) {
    return record(AGGREGATE, null, epochDay, null, null, null, 0, null, null, null, null, null, customers,
        events, null, payload, null, null);
  }
}
