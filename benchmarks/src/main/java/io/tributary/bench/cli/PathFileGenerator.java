package io.tributary.bench.cli;

import io.tributary.bench.SyntheticPaths;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a path file ({@code path,total_conversions,total_conversion_value,total_null}, channels joined by
 * {@code " > "}, as ChannelAttribution's {@code PathData} and the CLI's {@code paths} command read it) from
 * {@link SyntheticPaths}: seeded, so every run times the same bytes. Defaults: 200,000 distinct paths over 12
 * channels, mean length 6, seed 42 (about 15 MB).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.tributary.bench.cli.PathFileGenerator /tmp/paths200k.csv
 * [paths] [channels] [meanLength] [seed]}. The file is written outside the repository and never committed.
 */
public final class PathFileGenerator {
  private PathFileGenerator() {}

  /** Writes the rows of {@link SyntheticPaths#rows} to {@code out}. */
  public static void write(Path out, int paths, int channels, double meanLength, long seed) throws IOException {
    List<SyntheticPaths.Row> rows = SyntheticPaths.rows(paths, channels, meanLength, seed);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
      w.write("path,total_conversions,total_conversion_value,total_null\n");
      StringBuilder sb = new StringBuilder(256);
      for (SyntheticPaths.Row r : rows) {
        sb.setLength(0);
        // Values as CA's PathData writes them: plain decimals, no trailing zeros beyond the cents.
        sb.append(r.path()).append(',').append(r.conversions()).append(',')
            .append(r.value().toPlainString()).append(',').append(r.nulls()).append('\n');
        w.write(sb.toString());
      }
    }
  }

  /** Command-line entry: {@code out [paths] [channels] [meanLength] [seed]}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: PathFileGenerator <out.csv> [paths=200000] [channels=12] [meanLength=6] [seed=42]");
      System.exit(2);
    }
    int paths = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int channels = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    double mean = args.length > 3 ? Double.parseDouble(args[3]) : 6;
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
    write(Path.of(args[0]), paths, channels, mean, seed);
  }
}
