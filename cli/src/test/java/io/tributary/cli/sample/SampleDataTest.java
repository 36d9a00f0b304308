package io.tributary.cli.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.SpendRowParser;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The committed {@code sample-data/} set is exactly what its README's command makes, and every engine can read it. */
class SampleDataTest {
  /** The command in sample-data/README.md, after {@code tributary sample}. */
  static final List<String> README_ARGS =
      List.of("--customers", "5000", "--days", "60", "--seed", "42", "--start-date", "2024-01-01");
  static final List<String> FILES =
      List.of("events.csv", "identities.csv", "consent.csv", "spend.csv", "truth.csv", "truth_by_segment.csv");

  private static Path sampleData() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("sample-data").resolve("README.md"))) {
        return p.resolve("sample-data");
      }
    }
    throw new AssertionError("sample-data/README.md not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void readme_regenerationCommand_matchesTheTestedArguments() throws IOException {
    String readme = Files.readString(sampleData().resolve("README.md"));
    String command = "tributary sample " + String.join(" ", README_ARGS) + " --out sample-data";
    assertTrue(readme.contains(command), "README must show: " + command);
  }

  @Test
  void regenerate_readmeCommand_byteIdenticalToCommittedFiles(@TempDir Path tmp) throws IOException {
    CommandLine cl = new CommandLine(new SampleCommand());
    cl.setOut(new PrintWriter(new StringWriter()));
    String[] args = Stream.concat(README_ARGS.stream(), Stream.of("--out", tmp.toString())).toArray(String[]::new);
    assertEquals(0, cl.execute(args));
    try (Stream<Path> committed = Files.list(sampleData())) {
      // Files only: sample-data/hostile/ is the bad-input corpus, not generated data.
      assertEquals(List.of("README.md", "consent.csv", "events.csv", "identities.csv", "spend.csv", "truth.csv",
          "truth_by_segment.csv"),
          committed.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList(),
          "sample-data holds exactly these files");
    }
    for (String f : FILES) {
      assertArrayEquals(Files.readAllBytes(sampleData().resolve(f)), Files.readAllBytes(tmp.resolve(f)), f);
    }
  }

  @Test
  void committedFiles_coreParsers_zeroRejections() throws IOException {
    Path dir = sampleData();
    List<Event> events = SampleFiles.events(dir); // throws on the first rejected row
    assertEquals(Files.readAllLines(dir.resolve("events.csv")).size() - 1, events.size());
    IdentityMap identities = SampleFiles.identities(dir);
    assertEquals(SampleFiles.rows(dir.resolve("identities.csv")).size(), identities.size());
    List<String> optedOut = SampleFiles.consent(dir);
    assertEquals(optedOut.size(), ConsentList.of(optedOut).size());
    Path spend = dir.resolve("spend.csv");
    SpendRowParser parser = new SpendRowParser(
        SpendRowParser.header("spend.csv", SampleFiles.header(spend), ColumnMapping.none()), ColumnMapping.none());
    long line = 1;
    for (String[] r : SampleFiles.rows(spend)) {
      parser.parse(r, ++line);
    }
    assertEquals(1201, line, "60 days x 20 campaigns of the 9 paid channels, plus the header");
  }
}
