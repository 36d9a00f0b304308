package io.tributary.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.Header;
import io.tributary.core.input.PathRowParser;
import io.tributary.core.paths.PathCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The public ChannelAttribution {@code PathData} set, {@code ../shared/datasets/pathdata.csv} beside the repository,
 * read through the core's own row parser. Tests that use it are skipped, saying so, when the file is absent.
 */
public final class PathDataSet {
  /** The file, relative to a module folder (where surefire runs). */
  public static final Path FILE = Path.of("..", "..", "shared", "datasets", "pathdata.csv");

  private PathDataSet() {}

  /**
   * @return the file's rows folded into path counts (repeated paths summed)
   * @throws org.opentest4j.TestAbortedException (a skip) when the file is absent
   */
  public static PathCounts readOrSkip() throws IOException {
    assumeTrue(Files.exists(FILE), "skipped: " + FILE.toAbsolutePath().normalize() + " is not present");
    // The file has no quoted fields, so a comma split is exact.
    List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    Header h = PathRowParser.header(FILE.toString(), Arrays.asList(lines.get(0).split(",", -1)),
        ColumnMapping.none());
    PathRowParser p = new PathRowParser(h, ColumnMapping.none(), ">");
    PathCounts.Builder b = PathCounts.builder();
    for (int i = 1; i < lines.size(); i++) {
      PathRowParser.Row row = p.parse(lines.get(i).split(",", -1), i + 1);
      b.add(row.path(), row.stats().conversions(), row.stats().value(), row.stats().nulls());
    }
    return b.build();
  }
}
