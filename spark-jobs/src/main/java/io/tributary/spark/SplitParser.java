package io.tributary.spark;

import io.tributary.core.InputException;
import io.tributary.core.input.RawRows;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * Parses the rows of one input split lazily (a split may hold millions of rows), emitting a record per accepted or
 * rejected row and, after the last row, the split's {@link ParsedRecords#COUNT} and whatever the parser folded.
 * Rows are numbered by their position in the split; {@link LineNumbers} turns that into file line numbers once every
 * split's length is known.
 */
final class SplitParser implements Iterator<Row> {
  /** Longest raw text kept in {@code rejected_rows}. */
  static final int MAX_RAW = 4096;

  /** One split's rows as text. */
  interface Source {
    /** Moves to the next physical row; @return false at the end */
    boolean advance();

    /** @return whether the current row is blank (not a row at all, e.g. a trailing empty line) */
    boolean blank();

    /** @return the current row as read, for {@code rejected_rows} */
    String raw();

    /** @return the current row's fields; @throws CsvLine.MalformedException when it cannot be split */
    String[] fields() throws CsvLine.MalformedException;
  }

  private final String file;
  private final long split;
  private final Source source;
  private final boolean skipFirst;
  private final RowHandler.Parser parser;
  private final RawRows rawRows;
  private final ArrayDeque<Row> queue = new ArrayDeque<>();
  private long index;
  private long read;
  private long accepted;
  private long excluded;
  private boolean done;
  private boolean tailEmitted;

  /**
   * @param file the file's display name
   * @param split the split's position key (byte offset for files, partition index for tables)
   * @param source the rows
   * @param skipFirst whether the first physical row is the file's header
   * @param parser what the rows mean
   * @param rawRows what {@code rejected_rows.raw} may show of a row (the core's redaction, as in the CLI)
   */
  SplitParser(String file, long split, Source source, boolean skipFirst, RowHandler.Parser parser,
      RawRows rawRows) {
    this.file = Objects.requireNonNull(file, "file");
    this.split = split;
    this.source = Objects.requireNonNull(source, "source");
    this.skipFirst = skipFirst;
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
        queue.add(ParsedRecords.count(file, split, index, read, accepted, excluded));
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
    } catch (Exception e) { // Hadoop's readers throw IOException unchecked, through Scala
      throw unreadable(e);
    }
    if (!more) {
      done = true;
      return;
    }
    long i = index++;
    if ((i == 0 && skipFirst) || source.blank()) {
      return;
    }
    read++;
    String[] fields = null;
    try {
      fields = source.fields();
      Row r = parser.accept(fields, i);
      accepted++;
      if (r == null) {
        excluded++;
      } else if (r != RowHandler.FOLDED) {
        queue.add(r);
      }
    } catch (InputException e) {
      queue.add(ParsedRecords.rejected(file, split, i, reason(e), clip(rawRows.line(fields))));
    } catch (CsvLine.MalformedException e) {
      queue.add(ParsedRecords.rejected(file, split, i, e.getMessage(), clip(rawRows.unsplit(source.raw()))));
    }
  }

  /*
   * A file that cannot be read on (a truncated gzip, bytes that are not UTF-8) fails the run naming the file, as the
   * CLI does: a row count that silently stops short would be worse. The line is known in the file's first split only.
   */
  private RuntimeException unreadable(Exception e) {
    Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
    long line = skipFirst ? index + 1 : 0;
    if (cause instanceof java.nio.charset.CharacterCodingException) {
      return new InputException(file, line, null, "not valid UTF-8 text near this line (save the export as UTF-8)");
    }
    if (cause instanceof java.io.IOException) {
      return new InputException(file, line, null, "cannot read: " + cause.getMessage()
          + " (a truncated or corrupt compressed file?)");
    }
    return e instanceof RuntimeException re ? re : new IllegalStateException(e);
  }

  /** @return the rejection's reason with its column, without file and line (they have their own columns) */
  static String reason(InputException e) {
    return e.column() == null ? e.reason() : "column " + e.column() + ": " + e.reason();
  }

  private static String clip(String raw) {
    return raw.length() <= MAX_RAW ? raw : raw.substring(0, MAX_RAW);
  }
}
