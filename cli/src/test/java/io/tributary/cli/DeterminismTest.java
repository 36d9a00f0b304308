package io.tributary.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs with their rows in another order, gzipped or not, read with one thread or four (four byte ranges
 * and four fold slices: the slicing thresholds are set to 1), give byte-identical CSV and JSON files (every table, bootstrap intervals included). {@code OutputFormatsTest} covers one vs two threads
 * on one file; this adds the row order, which the journey builder, the path counts and the bootstrap's resampling
 * must all ignore.
 */
class DeterminismTest {
  @TempDir Path dir;

  @Test
  void attribute_shuffledRowsGzipAndThreads_byteIdenticalFiles() throws IOException {
    List<String> events = new ArrayList<>(RandomEvents.csv(4000, 23, true).lines().toList());
    // Same-instant touches of one customer: their order in the path must not come from the order of the rows.
    events.add("u7,1709280000000,c1,0,,touch");
    events.add("u7,1709280000000,c3,0,,touch");
    events.add("u7,1709283600000,c2,1,12.5,touch");
    List<String> spend = List.of("date,channel,spend", "2024-03-02,c0,100.5", "2024-03-03,c1,80",
        "2024-03-03,c2,10.25", "2024-03-04,c3,300", "2024-03-05,c4,1.75", "2024-03-06,c0,20");

    Path plain = write("plain", events, spend, 0, false);
    Path shuffled = write("shuffled", events, spend, 1, false);
    Path gzipped = write("gzipped", events, spend, 2, true);

    for (String format : List.of("csv", "json")) {
      Path a = attribute(plain, format, 1);
      Path b = attribute(shuffled, format, 4);
      Path c = attribute(gzipped, format, 2);
      List<String> names = names(a);
      assertTrue(names.contains("channel_credit." + format) && names.contains("path_summary." + format), names::toString);
      assertEquals(names, names(b));
      assertEquals(names, names(c));
      for (String n : names) {
        byte[] want = Files.readAllBytes(a.resolve(n));
        assertArrayEquals(want, Files.readAllBytes(b.resolve(n)), n + ": shuffled rows, 4 threads");
        assertArrayEquals(want, Files.readAllBytes(c.resolve(n)), n + ": shuffled rows, gzip, 2 threads");
      }
    }
  }

  /** Writes events and spend with their data rows in the order of {@code seed} (0: as given). */
  private Path write(String name, List<String> events, List<String> spend, long seed, boolean gzip)
      throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    Path e = folder.resolve(gzip ? "events.csv.gz" : "events.csv");
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(e)) : Files.newOutputStream(e)) {
      out.write((String.join("\n", shuffle(events, seed)) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Files.write(folder.resolve("spend.csv"), shuffle(spend, seed), StandardCharsets.UTF_8);
    return e;
  }

  private static List<String> shuffle(List<String> withHeader, long seed) {
    List<String> body = new ArrayList<>(withHeader.subList(1, withHeader.size()));
    if (seed != 0) {
      Collections.shuffle(body, new Random(seed));
    }
    List<String> all = new ArrayList<>(List.of(withHeader.get(0)));
    all.addAll(body);
    return all;
  }

  private Path attribute(Path events, String format, int threads) {
    Path out = events.resolveSibling("out-" + format);
    Cli.Result r = Cli.run("attribute", "--events", events.toString(), "--spend",
        events.resolveSibling("spend.csv").toString(), "--bootstrap", "25", "--run-date", "2024-03-31",
        "--conversions", "all",
        "--threads", String.valueOf(threads), "--format", format, "--output", out.toString(), "-q",
        // Slicing thresholds of 1: with four threads the log is read in four byte ranges and the journeys folded in
        // four slices (SlicedReadTest checks the range count), so the sliced code is what is compared.
        "--slice-min-bytes", "1", "--slice-min-customers", "1");
    assertEquals(0, r.exit(), r.err());
    return out;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
