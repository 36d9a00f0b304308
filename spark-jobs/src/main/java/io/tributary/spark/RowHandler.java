package io.tributary.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * What one kind of input (events, paths, spend, identities, consent) makes of its rows. Created on the driver,
 * shipped to the executors; {@link #open} is called once per file and split, and on the driver once per file to fail
 * early on a bad header.
 */
interface RowHandler extends Serializable {
  /**
   * @param file the file's name for messages
   * @param header the header's column names
   * @return a parser for the rows of that file
   * @throws io.tributary.core.InputException when a required column is missing
   */
  Parser open(String file, List<String> header);

  /**
   * Opens the parser of one split of {@code file}, told the split's key in {@link LineNumbers} (its byte offset, or
   * a table partition's index): for a parser whose records must point back at their row's real line. Others need not
   * override it.
   */
  default Parser open(String file, long split, List<String> header) {
    return open(file, header);
  }

  /** Returned by {@link Parser#accept} for a row that was accepted and folded into a map-side aggregate. */
  Row FOLDED = org.apache.spark.sql.RowFactory.create();

  /**
   * Returned by {@link Parser#accept} for a valid row outside the dates the run reads: not counted as read, as a
   * date-partitioned input never reads it, so every format counts the same rows.
   */
  Row OUT_OF_RANGE = org.apache.spark.sql.RowFactory.create();

  /** Parses the rows of one split. Not thread-safe. */
  interface Parser {
    /**
     * @param fields the row's cells; its line is counted from the split's start (a parser that must point back at a
     *     row after the split is done keeps {@code fields.line() - 1}, the row's 0-based line in its split)
     * @return the accepted row as a {@link ParsedRecords#DATA} record, {@link #FOLDED}, {@link #OUT_OF_RANGE}, or
     *     null when consent excludes it
     * @throws io.tributary.core.InputException when the row is rejected
     */
    Row accept(io.tributary.core.input.Fields fields);

    /** @return records to emit after the split's last row (a map-side aggregate); none by default */
    default List<Row> finish() {
      return List.of();
    }

    /** The same as {@link #finish()}, told which split of which file ended (its key in {@link LineNumbers}). */
    default List<Row> finish(String file, long split) {
      return finish();
    }
  }
}
