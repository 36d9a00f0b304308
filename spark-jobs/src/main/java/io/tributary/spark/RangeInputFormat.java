package io.tributary.spark;

import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.InputSplit;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordReader;
import org.apache.hadoop.mapred.Reporter;

/**
 * Hadoop's file splits, and nothing else: the job reads each split itself with the core's reader (see
 * {@link SourceReader}), so the record reader here yields no record. A file is split unless it is listed under
 * {@link #WHOLE}: gzip files (decided by their magic bytes, not their name) and files whose splits disagreed on a
 * record boundary.
 */
public final class RangeInputFormat extends FileInputFormat<LongWritable, NullWritable> {
  /** Job settings {@code WHOLE.count} and {@code WHOLE.0 ..}: the files (Hadoop paths) read in one split. */
  static final String WHOLE = "tributary.csv.whole";

  private Set<String> whole = Set.of();

  /** Lists {@code files} in {@code job} as files to read in one split. */
  static void whole(JobConf job, java.util.Collection<String> files) {
    int i = 0;
    for (String f : files) {
      job.set(WHOLE + "." + i++, f);
    }
    job.setInt(WHOLE + ".count", i);
  }

  @Override
  public InputSplit[] getSplits(JobConf job, int numSplits) throws java.io.IOException {
    java.util.Set<String> files = new java.util.HashSet<>();
    int n = job.getInt(WHOLE + ".count", 0);
    for (int i = 0; i < n; i++) {
      files.add(job.get(WHOLE + "." + i));
    }
    whole = files;
    return super.getSplits(job, numSplits);
  }

  @Override
  protected boolean isSplitable(FileSystem fs, Path file) {
    return !whole.contains(file.toString());
  }

  @Override
  public RecordReader<LongWritable, NullWritable> getRecordReader(InputSplit split, JobConf job, Reporter reporter) {
    return new RecordReader<>() {
      @Override
      public boolean next(LongWritable key, NullWritable value) {
        return false;
      }

      @Override
      public LongWritable createKey() {
        return new LongWritable();
      }

      @Override
      public NullWritable createValue() {
        return NullWritable.get();
      }

      @Override
      public long getPos() {
        return 0;
      }

      @Override
      public void close() {}

      @Override
      public float getProgress() {
        return 1;
      }
    };
  }
}
