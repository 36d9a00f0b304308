package io.tributary.spark;

import io.tributary.core.InputException;
import io.tributary.core.input.RawRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapred.FileSplit;
import org.apache.hadoop.mapred.TextInputFormat;
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

/**
 * Reads one input, in whatever format, into {@link ParsedRecords}: every row goes through a {@link RowHandler} on the
 * executors. CSV is read line by line through Hadoop's text input format, so that each row keeps its file, split and
 * position (hence its real line number); Parquet, Delta and catalog tables are read with every column as text
 * (timestamps as epoch milliseconds) and numbered by row.
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
    InputSpec.Format format = detect(spark, spec);
    if (format == InputSpec.Format.CSV) {
      return csv(spark, spec.location(), handler);
    }
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
    return table(df, spec.location(), handler);
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
      throw new InputException(loc, 0, null, "cannot read: " + e.getMessage());
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

  private static JavaRDD<Row> csv(SparkSession spark, String location, RowHandler handler) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Map<String, String> display = new HashMap<>();
    Map<String, Character> delimiters = new HashMap<>();
    Map<String, List<String>> headers = new HashMap<>();
    List<String> paths = new ArrayList<>();
    try {
      Path p = new Path(location);
      FileSystem fs = p.getFileSystem(conf);
      boolean dir = fs.getFileStatus(p).isDirectory();
      List<FileStatus> files = dir ? dataFiles(fs, p) : List.of(fs.getFileStatus(p));
      if (files.isEmpty()) {
        throw new InputException(location, 0, null, "folder holds no data files");
      }
      CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
      for (FileStatus f : files) {
        String key = f.getPath().toString();
        String name = dir ? location.replaceAll("/+$", "") + "/" + f.getPath().getName() : location;
        String first = firstLine(fs, f.getPath(), codecs);
        if (first == null || first.isBlank()) {
          throw new InputException(name, 0, null, "file is empty (expected a header line)");
        }
        if (first.indexOf('\uFFFD') >= 0 || first.indexOf('\u0000') >= 0) { // UTF-16, Latin-1, binary
          throw new InputException(name, 1, null, "not valid UTF-8 text near this line (save the export as UTF-8)");
        }
        char d = CsvLine.detectDelimiter(first);
        List<String> header;
        try {
          header = Arrays.asList(CsvLine.split(first, d));
        } catch (CsvLine.MalformedException e) {
          throw new InputException(name, 1, null, e.getMessage());
        }
        handler.open(name, header); // fails here, on the driver, when a required column is missing
        display.put(key, name);
        delimiters.put(key, d);
        headers.put(key, header);
        paths.add(key);
      }
    } catch (IOException e) {
      throw new InputException(location, 0, null, "cannot read: " + e.getMessage());
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int minSplits = Integer.parseInt(spark.conf().get(MIN_SPLITS, String.valueOf(jsc.defaultMinPartitions())));
    JavaHadoopRDD<LongWritable, Text> lines = (JavaHadoopRDD<LongWritable, Text>) jsc.hadoopFile(
        String.join(",", paths), TextInputFormat.class, LongWritable.class, Text.class, minSplits);
    return lines.mapPartitionsWithInputSplit((split, it) -> {
      FileSplit fileSplit = (FileSplit) split;
      String key = fileSplit.getPath().toString();
      String name = display.get(key);
      RowHandler.Parser parser = handler.open(name, headers.get(key));
      return new SplitParser(name, fileSplit.getStart(), new LineSource(it, delimiters.get(key)),
          fileSplit.getStart() == 0, parser, RawRows.of(headers.get(key), delimiters.get(key)));
    }, true);
  }

  private static String firstLine(FileSystem fs, Path path, CompressionCodecFactory codecs) throws IOException {
    CompressionCodec codec = codecs.getCodec(path);
    try (InputStream raw = fs.open(path);
        InputStream in = codec == null ? raw : codec.createInputStream(raw);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.readLine();
    }
  }

  private static JavaRDD<Row> table(Dataset<Row> df, String name, RowHandler handler) {
    List<String> header = Arrays.asList(df.columns());
    handler.open(name, header);
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      Column c = functions.col("`" + f.name().replace("`", "``") + "`");
      cols.add(f.dataType().equals(DataTypes.TimestampType)
          ? functions.unix_millis(c).cast(DataTypes.StringType)
          : c.cast(DataTypes.StringType));
    }
    JavaRDD<Row> rows = df.select(cols.toArray(Column[]::new)).javaRDD();
    return rows.mapPartitionsWithIndex((index, it) -> {
      RowHandler.Parser parser = handler.open(name, header);
      return new SplitParser(name, index, new TableSource(it), false, parser, RawRows.of(header, ','));
    }, true);
  }

  /** A CSV split's lines. */
  private static final class LineSource implements SplitParser.Source {
    private final Iterator<scala.Tuple2<LongWritable, Text>> lines;
    private final char delimiter;
    private String line;

    LineSource(Iterator<scala.Tuple2<LongWritable, Text>> lines, char delimiter) {
      this.lines = lines;
      this.delimiter = delimiter;
    }

    @Override
    public boolean advance() {
      if (!lines.hasNext()) {
        return false;
      }
      Text t = lines.next()._2();
      try {
        // Text.toString() would turn bytes that are not UTF-8 into U+FFFD and go on: a silently changed channel.
        Text.validateUTF8(t.getBytes(), 0, t.getLength());
      } catch (java.nio.charset.MalformedInputException e) {
        throw new java.io.UncheckedIOException(e);
      }
      line = t.toString();
      return true;
    }

    @Override
    public boolean blank() {
      return line.isEmpty();
    }

    @Override
    public String raw() {
      return line;
    }

    @Override
    public String[] fields() throws CsvLine.MalformedException {
      return CsvLine.split(line, delimiter);
    }
  }

  /** A table partition's rows, every column already text. */
  private static final class TableSource implements SplitParser.Source {
    private final Iterator<Row> rows;
    private String[] fields;

    TableSource(Iterator<Row> rows) {
      this.rows = rows;
    }

    @Override
    public boolean advance() {
      if (!rows.hasNext()) {
        return false;
      }
      Row r = rows.next();
      fields = new String[r.length()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = r.isNullAt(i) ? "" : r.getString(i);
      }
      return true;
    }

    @Override
    public boolean blank() {
      return false;
    }

    @Override
    public String raw() {
      return String.join(",", fields);
    }

    @Override
    public String[] fields() {
      return fields;
    }
  }
}
