package io.tributary.core.model.markov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.Header;
import io.tributary.core.input.PathRowParser;
import io.tributary.core.paths.PathCounts;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public ChannelAttribution {@code PathData} set (10,000 paths, 12 channels), read from
 * {@code ../shared/datasets/pathdata.csv} when present: invariants at orders 1 to 3, the dense reference at orders 1
 * and 2, and the iterative order-3 solve against a direct one.
 */
class MarkovPathDataTest {
  private static final Path FILE = Path.of("..", "..", "shared", "datasets", "pathdata.csv");
  private static PathCounts counts;
  private static long rows;

  @BeforeAll
  static void read() throws IOException {
    Path file = Files.exists(FILE) ? FILE : Path.of("..", FILE.toString());
    if (!Files.exists(file)) {
      System.err.println("MarkovPathDataTest skipped: " + FILE.toAbsolutePath().normalize() + " is absent");
      return;
    }
    PathCounts.Builder b = PathCounts.builder();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Header header = PathRowParser.header("pathdata.csv", Arrays.asList(in.readLine().split(",", -1)),
          ColumnMapping.none());
      PathRowParser parser = new PathRowParser(header, ColumnMapping.none(), ">");
      long line = 1;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        PathRowParser.Row row = parser.parse(text.split(",", -1), ++line);
        b.add(row.path(), row.stats().conversions(), row.stats().value(), row.stats().nulls());
        rows++;
      }
    }
    counts = b.build();
  }

  @Test
  void fit_pathData_invariantsHoldAtOrdersOneToThree() {
    assumeTrue(counts != null, "../shared/datasets/pathdata.csv is absent");
    assertEquals(10_000, rows); // the file repeats paths: 5,408 distinct
    assertEquals(5_408, counts.size());
    assertEquals(19_785, counts.conversions());
    assertEquals(68_602, counts.nulls());
    for (int order = 1; order <= 3; order++) {
      MarkovFit fit = new MarkovModel(order).fit(counts);
      assertEquals(12, fit.channels().size());
      MarkovReferenceTest.assertInvariants(counts, fit);
      if (order <= 2) {
        MarkovReferenceTest.assertMatchesReference(counts, order, fit);
      }
    }
  }

  @Test
  void solve_pathDataOrderThree_iteratedRemovalMatchesDirectSolve() {
    assumeTrue(counts != null, "../shared/datasets/pathdata.csv is absent");
    Chain chain = ChainBuilder.build(counts, 3);
    AbsorptionSolver iterative = new AbsorptionSolver(chain);
    double[] base = iterative.solve(null, null);
    boolean[] removed = new boolean[chain.size()];
    for (int s : chain.statesOf[0]) {
      removed[s] = true;
    }
    double[] swept = iterative.solve(removed, base);
    double[] direct = new AbsorptionSolver(chain, Integer.MAX_VALUE).solve(removed, base);
    double p = 0;
    double q = 0;
    for (int s = 0; s < chain.size(); s++) {
      MarkovReferenceTest.assertClose(direct[s], swept[s], 1e-6 * chain.outflow[s], "state " + s);
      p += swept[s] * chain.conversions[s] / chain.outflow[s];
      q += direct[s] * chain.conversions[s] / chain.outflow[s];
    }
    MarkovReferenceTest.assertClose(q, p, 0, "P(conv | alpha removed)");
  }
}
