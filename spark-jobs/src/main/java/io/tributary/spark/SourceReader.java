package io.tributary.spark;

import io.tributary.core.InputException;
import io.tributary.core.input.CsvRecords;
import io.tributary.core.input.Fields;
import io.tributary.core.input.InputFiles;
import io.tributary.core.input.RawRows;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.spark.api.java.JavaHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Reads one input, in whatever format, into {@link ParsedRecords}: every row goes through a {@link RowHandler} on the
 * executors. CSV is read by the core's reader ({@link CsvRecords}, the CLI's too) over Hadoop file splits, so that
 * each row keeps its file, split and position (hence its real line number) and quoted line breaks read as in the CLI;
 * Parquet, Delta and catalog tables are read with every column as text (timestamps as epoch milliseconds) and
 * numbered by row.
 */
final class SourceReader {
  /**
   * Spark setting: the least number of splits a CSV input is cut into (default: Spark's default minimum partitions).
   * Files are otherwise split by block size; a gzipped file is never split.
   */
  static final String MIN_SPLITS = "spark.tributary.csv.minSplits";

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,2}");

  private SourceReader() {}

  /**
   * @param spark the session
   * @param spec the input
   * @param handler what its rows mean
   * @return the records, lazily: nothing is read until an action runs
   * @throws InputException when the input is missing, empty or lacks a required column
   */
  static JavaRDD<Row> read(SparkSession spark, InputSpec spec, RowHandler handler) {
    return read(spark, spec, handler, Set.of());
  }

  /**
   * @param onePiece display names of CSV files to read in one split (their splits disagreed on a record boundary)
   * @see #read(SparkSession, InputSpec, RowHandler)
   */
  static JavaRDD<Row> read(SparkSession spark, InputSpec spec, RowHandler handler, Set<String> onePiece) {
    return read(spark, spec, handler, onePiece, Optional.empty());
  }

  /**
   * @param dates when present, a Delta, Parquet or catalog input is read only where it can hold events in the range
   *     (see {@link DateScan}); a CSV input is read whole (the handler drops the events outside the range)
   * @see #read(SparkSession, InputSpec, RowHandler)
   */
  static JavaRDD<Row> read(SparkSession spark, InputSpec spec, RowHandler handler, Set<String> onePiece,
      Optional<DateScan> dates) {
    InputSpec.Format format = detect(spark, spec);
    if (format == InputSpec.Format.CSV) {
      return csv(spark, spec.location(), handler, onePiece);
    }
    return table(scan(spark, spec, format, dates), spec.location(), handler);
  }

  /**
   * @return the rows of a Delta, Parquet or catalog input as Spark reads them, with the partition filter and the
   *     timestamp filter of {@code dates} (if any) in the plan, where Spark pushes them to the scan
   */
  static Dataset<Row> scan(SparkSession spark, InputSpec spec, InputSpec.Format format, Optional<DateScan> dates) {
    Dataset<Row> df;
    switch (format) {
      case PARQUET:
        df = spark.read().parquet(spec.location());
        break;
      case DELTA:
        df = spark.read().format("delta").load(spec.location());
        break;
      default:
        df = spark.table(spec.location());
        break;
    }
    return dates.isPresent() ? inRange(df, dates.get()) : df;
  }

  /*
   * The date column's filter prunes partitions (or skips files by their statistics when the column is not a
   * partition column); the timestamp filter, on a typed column, skips Parquet row groups and Delta files. Neither is
   * exact for every zone: the handler holds each event to the range by its parsed timestamp.
   */
  private static Dataset<Row> inRange(Dataset<Row> df, DateScan dates) {
    StructField date = field(df, dates.dateColumn());
    if (date != null) {
      Column c = quoted(date.name());
      df = df.filter(c.geq(functions.lit(java.sql.Date.valueOf(dates.firstPartition())))
          .and(c.leq(functions.lit(java.sql.Date.valueOf(dates.lastPartition())))));
    }
    StructField ts = field(df, dates.timestampColumn());
    if (ts != null && ts.dataType().equals(DataTypes.TimestampType)) {
      Column c = quoted(ts.name());
      df = df.filter(c.geq(functions.lit(dates.range().startInclusive()))
          .and(c.lt(functions.lit(dates.range().endExclusive()))));
    } else if (ts != null && ts.dataType().equals(DataTypes.TimestampNTZType)) {
      // Local date-times are read in the run's zone: its dates' local midnights bound them.
      Column c = quoted(ts.name());
      df = df.filter(c.geq(functions.lit(dates.range().first().atStartOfDay()))
          .and(c.lt(functions.lit(dates.range().last().plusDays(1).atStartOfDay()))));
    }
    return df;
  }

  /* The input's column named {@code name}, as Spark resolves names (ignoring case), or null. */
  private static StructField field(Dataset<Row> df, String name) {
    for (StructField f : df.schema().fields()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  private static Column quoted(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }

  /** @return the input's format, detected when not given */
  static InputSpec.Format detect(SparkSession spark, InputSpec spec) {
    if (spec.format() != InputSpec.Format.AUTO) {
      return spec.format();
    }
    String loc = spec.location();
    try {
      Path p = new Path(loc);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        if (!loc.contains("/") && TABLE_NAME.matcher(loc).matches() && spark.catalog().tableExists(loc)) {
          return InputSpec.Format.TABLE;
        }
        throw new InputException(loc, 0, null, "no such file, folder or table");
      }
      if (fs.getFileStatus(p).isDirectory()) {
        if (fs.exists(new Path(p, "_delta_log"))) {
          return InputSpec.Format.DELTA;
        }
        for (FileStatus f : dataFiles(fs, p)) {
          if (f.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return InputSpec.Format.PARQUET;
          }
        }
        return InputSpec.Format.CSV;
      }
      return loc.toLowerCase(Locale.ROOT).endsWith(".parquet") ? InputSpec.Format.PARQUET : InputSpec.Format.CSV;
    } catch (IOException e) {
      throw InputFiles.failure(loc, 0, e);
    }
  }

  private static List<FileStatus> dataFiles(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
        out.add(f);
      }
    }
    out.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
    return out;
  }

  /*
   * The driver reads each file's header with the core's reader (failing early on a bad header, an empty file or one
   * that is not UTF-8 text) and decides gzip by the magic bytes; Hadoop's FileInputFormat cuts the files into splits
   * (a gzip file, or one listed in `onePiece`, into one); each split is read on an executor by the core's reader
   * under its range rule.
   */
  private static JavaRDD<Row> csv(SparkSession spark, String location, RowHandler handler, Set<String> onePiece) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, String> display = new HashMap<>();
    Map<String, Character> delimiters = new HashMap<>();
    Map<String, List<String>> headers = new HashMap<>();
    Set<String> whole = new HashSet<>();
    List<String> paths = new ArrayList<>();
    try {
      Path p = new Path(location);
      FileSystem fs = p.getFileSystem(conf);
      boolean dir = fs.getFileStatus(p).isDirectory();
      List<FileStatus> files = dir ? dataFiles(fs, p) : List.of(fs.getFileStatus(p));
      if (files.isEmpty()) {
        throw new InputException(location, 0, null, "folder holds no data files");
      }
      for (FileStatus f : files) {
        String key = f.getPath().toString();
        String name = dir ? location.replaceAll("/+$", "") + "/" + f.getPath().getName() : location;
        List<String> header;
        char d;
        try (CsvRecords head = CsvRecords.open(name, InputFiles.open(fs.open(f.getPath())), CsvRecords.DETECT,
            Long.MAX_VALUE)) {
          header = head.header();
          d = head.delimiter();
        }
        handler.open(name, header); // fails here, on the driver, when a required column is missing
        if (gzip(fs, f.getPath()) || onePiece.contains(name)) {
          whole.add(key);
        }
        display.put(key, name);
        delimiters.put(key, d);
        headers.put(key, header);
        paths.add(key);
      }
    } catch (IOException e) {
      throw InputFiles.failure(location, 0, e);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int minSplits = Integer.parseInt(spark.conf().get(MIN_SPLITS, String.valueOf(jsc.defaultMinPartitions())));
    JobConf job = new JobConf(conf);
    FileInputFormat.setInputPaths(job, String.join(",", paths));
    RangeInputFormat.whole(job, whole);
    JavaHadoopRDD<LongWritable, NullWritable> splits = (JavaHadoopRDD<LongWritable, NullWritable>) jsc.hadoopRDD(
        job, RangeInputFormat.class, LongWritable.class, NullWritable.class, minSplits);
    SerializableConfiguration hadoop = new SerializableConfiguration(conf);
    return splits.mapPartitionsWithInputSplit((split, ignored) -> {
      FileSplit fileSplit = (FileSplit) split;
      String key = fileSplit.getPath().toString();
      String name = display.get(key);
      RowHandler.Parser parser = handler.open(name, fileSplit.getStart(), headers.get(key));
      CsvRecords records = open(hadoop.value(), fileSplit, whole.contains(key), name, delimiters.get(key),
          headers.get(key));
      return new SplitParser(name, fileSplit.getStart(), SplitParser.csv(records), parser,
          RawRows.of(headers.get(key), delimiters.get(key)));
    }, true);
  }

  /*
   * Opens a split: from the file's start (the header read again and skipped), or by the range rule. A file read whole
   * (gzip: its split's length counts compressed bytes) has no end but its own.
   */
  private static CsvRecords open(Configuration conf, FileSplit split, boolean whole, String name, char delimiter,
      List<String> header) {
    Path path = split.getPath();
    long start = split.getStart();
    long end = whole ? Long.MAX_VALUE : start + split.getLength();
    try {
      FSDataInputStream in = path.getFileSystem(conf).open(path);
      if (start == 0) {
        return CsvRecords.open(name, InputFiles.open(in), delimiter, end);
      }
      in.seek(start - 1);
      return CsvRecords.range(name, in, start, end, false, delimiter, header);
    } catch (IOException e) {
      throw InputFiles.failure(name, 0, e);
    }
  }

  private static boolean gzip(FileSystem fs, Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      int b0 = in.read();
      return InputFiles.isGzip(b0, b0 < 0 ? -1 : in.read());
    }
  }

  private static JavaRDD<Row> table(Dataset<Row> df, String name, RowHandler handler) {
    List<String> header = Arrays.asList(df.columns());
    handler.open(name, header);
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      Column c = quoted(f.name());
      cols.add(f.dataType().equals(DataTypes.TimestampType)
          ? functions.unix_millis(c).cast(DataTypes.StringType)
          : c.cast(DataTypes.StringType));
    }
    JavaRDD<Row> rows = df.select(cols.toArray(Column[]::new)).javaRDD();
    return rows.mapPartitionsWithIndex((index, it) -> {
      RowHandler.Parser parser = handler.open(name, index, header);
      return new SplitParser(name, index, new TableSource(it), parser, RawRows.of(header, ','));
    }, true);
  }

  /** A table partition's rows, every column already text, numbered by position. */
  private static final class TableSource implements SplitParser.Source {
    private final Iterator<Row> rows;
    private long index;
    private Fields fields;

    TableSource(Iterator<Row> rows) {
      this.rows = rows;
    }

    @Override
    public boolean advance() {
      if (!rows.hasNext()) {
        return false;
      }
      Row r = rows.next();
      String[] cells = new String[r.length()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = r.isNullAt(i) ? "" : r.getString(i);
      }
      fields = Fields.of(cells, ++index);
      return true;
    }

    @Override
    public Fields fields() {
      return fields;
    }

    @Override
    public long lines() {
      return index;
    }

    @Override
    public Long first() {
      return null;
    }

    @Override
    public Long stop() {
      return null;
    }

    @Override
    public void close() {
      // Spark owns the partition's iterator.
    }
  }
}
