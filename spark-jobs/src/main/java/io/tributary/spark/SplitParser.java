package io.tributary.spark;

import io.tributary.core.InputException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.Fields;
import io.tributary.core.input.RawRows;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * Parses the rows of one input split lazily (a split may hold millions of rows), emitting a record per accepted or
 * rejected row and, after the last row, the split's {@link ParsedRecords#COUNT} and whatever the parser folded.
 * Rows are numbered from the start of their split; {@link LineNumbers} turns that into file line numbers once every
 * split's length is known. An error that stops the reading of a CSV split (bytes that are not UTF-8, a broken quote,
 * a truncated gzip) is not thrown here: the split may have guessed its first record wrong (see
 * {@link io.tributary.core.input.CsvRecords}), so the error travels in the count, and the driver reports it once
 * {@link SplitChecks} has found the splits right.
 */
final class SplitParser implements Iterator<Row> {
  /** Longest raw text kept in {@code rejected_rows}. */
  static final int MAX_RAW = 4096;

  /** One split's rows. */
  interface Source extends AutoCloseable {
    /**
     * Moves to the next row.
     *
     * @return false at the end
     * @throws InputException when the input cannot be read on
     */
    boolean advance();

    /** @return the current row, its line counted from the split's start */
    Fields fields();

    /** @return lines read (after the last row: all of the split's) */
    long lines();

    /** @return the byte of the split's first record, or null for a table partition */
    Long first();

    /** @return where the split's reader stopped, or null for a table partition */
    Long stop();

    @Override
    void close();
  }

  /** A CSV split read by the core's reader. */
  static Source csv(CsvRecords records) {
    return new Source() {
      @Override
      public boolean advance() {
        return records.next();
      }

      @Override
      public Fields fields() {
        return records;
      }

      @Override
      public long lines() {
        return records.linesRead();
      }

      @Override
      public Long first() {
        return records.firstRecord();
      }

      @Override
      public Long stop() {
        return records.stoppedAt();
      }

      @Override
      public void close() {
        records.close();
      }
    };
  }

  private final String file;
  private final long split;
  private final Source source;
  private final RowHandler.Parser parser;
  private final RawRows rawRows;
  private final ArrayDeque<Row> queue = new ArrayDeque<>();
  private long read;
  private long accepted;
  private long excluded;
  private InputException fatal;
  private boolean done;
  private boolean tailEmitted;

  /**
   * @param file the file's display name
   * @param split the split's position key (byte offset for files, partition index for tables)
   * @param source the rows
   * @param parser what the rows mean
   * @param rawRows what {@code rejected_rows.raw} may show of a row (the core's redaction, as in the CLI)
   */
  SplitParser(String file, long split, Source source, RowHandler.Parser parser, RawRows rawRows) {
    this.file = Objects.requireNonNull(file, "file");
    this.split = split;
    this.source = Objects.requireNonNull(source, "source");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.rawRows = Objects.requireNonNull(rawRows, "rawRows");
  }

  @Override
  public boolean hasNext() {
    while (queue.isEmpty()) {
      if (!done) {
        step();
      } else if (!tailEmitted) {
        tailEmitted = true;
        source.close();
        queue.add(ParsedRecords.count(file, split, source.lines(), read, accepted, excluded, source.first(),
            fatal == null ? source.stop() : Long.valueOf(-1), fatal));
        queue.addAll(parser.finish(file, split));
      } else {
        return false;
      }
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return queue.poll();
  }

  private void step() {
    boolean more;
    try {
      more = source.advance();
    } catch (InputException e) {
      fatal = e;
      done = true;
      return;
    }
    if (!more) {
      done = true;
      return;
    }
    read++;
    Fields fields = source.fields();
    try {
      Row r = parser.accept(fields);
      if (r == RowHandler.OUT_OF_RANGE) {
        read--;
        return;
      }
      accepted++;
      if (r == null) {
        excluded++;
      } else if (r != RowHandler.FOLDED) {
        queue.add(r);
      }
    } catch (InputException e) {
      queue.add(ParsedRecords.rejected(file, split, fields.line() - 1, reason(e), clip(rawRows.line(
          fields.texts()))));
    }
  }

  /** @return the rejection's reason with its column, without file and line (they have their own columns) */
  static String reason(InputException e) {
    return e.column() == null ? e.reason() : "column " + e.column() + ": " + e.reason();
  }

  private static String clip(String raw) {
    return raw.length() <= MAX_RAW ? raw : raw.substring(0, MAX_RAW);
  }
}
