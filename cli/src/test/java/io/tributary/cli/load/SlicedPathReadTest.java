package io.tributary.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.Header;
import io.tributary.core.input.PathRowParser;
import io.tributary.core.input.PathTotals;
import io.tributary.core.input.RawRows;
import io.tributary.core.paths.PathCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path loader (the core's reader and row fold, plain rows on bytes or not, sliced or not, gzip or not) against a
 * reference written here: a plain RFC 4180 splitter over the decoded text ({@link ReferenceCsv}, independent of the
 * core's reader), the core's {@link PathRowParser} on text row by row and the builder's {@link io.tributary.core.paths.Path}
 * entry. Both must read the same rows, reject the same rows with the same line, reason and raw text, and give the same
 * paths with the same exact stats, on random path files full of what exports hold: spaces, quotes, CRLF and CR, blank
 * lines, a BOM, non-ASCII channels, counts and values in every form (signs, points, exponents, leading zeros, too
 * many digits), empty channels, wrong field counts.
 */
class SlicedPathReadTest {
  private static final String[] CHANNELS = {"search", "email", "display", "call_center", "näher", " email",
    "social ", "direct", "a|b", "x\"y", "", "tab\tbed"};
  private static final String[] COUNTS = {"0", "1", "2", "17", "", " 3", "007", "3.0", "2.5", "-1", "1e3", "+4",
    "999999", "12345678901", "abc"};
  private static final String[] VALUES = {"", "0", "12.5", "0.50", "3", " 4.25", "100.00", "0.000", "-1", "abc",
    "1e3", "1.", ".5", "+2", "0.1234567890123456789", "123456789012345678.5", "007.10", "1,5"};
  private static final String[] EOLS = {"\n", "\r\n", "\r"};

  @TempDir
  Path dir;

  private String file(SplittableRandom r, int rows, boolean quotes, String separator) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(3) == 0) {
      sb.append('\uFEFF');
    }
    sb.append("path,total_conversions,total_conversion_value,total_null").append(EOLS[r.nextInt(3)]);
    for (int i = 0; i < rows; i++) {
      if (r.nextInt(40) == 0) {
        sb.append(EOLS[r.nextInt(3)]);
      }
      List<String> cells = new ArrayList<>();
      StringBuilder path = new StringBuilder();
      int n = 1 + r.nextInt(6);
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          path.append(r.nextInt(4) == 0 ? separator.strip() : " " + separator.strip() + " ");
        }
        path.append(CHANNELS[r.nextInt(10) < 8 ? r.nextInt(4) : r.nextInt(CHANNELS.length)]);
      }
      cells.add(r.nextInt(80) == 0 ? " " : path.toString());
      String conversions = COUNTS[r.nextInt(10) < 8 ? r.nextInt(4) : r.nextInt(COUNTS.length)];
      cells.add(conversions);
      cells.add(conversions.equals("0") && r.nextInt(4) > 0 ? "0" : VALUES[r.nextInt(10) < 7 ? r.nextInt(7)
          : r.nextInt(VALUES.length)]);
      cells.add(COUNTS[r.nextInt(10) < 8 ? r.nextInt(4) : r.nextInt(COUNTS.length)]);
      if (r.nextInt(60) == 0) {
        cells.remove(cells.size() - 1);
      }
      for (int k = 0; k < cells.size(); k++) {
        String v = cells.get(k);
        boolean mustQuote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
        if (quotes && (mustQuote || r.nextInt(30) == 0)) {
          v = "\"" + v.replace("\"", "\"\"") + (r.nextInt(60) == 0 ? "\nmore" : "") + "\"";
        } else if (mustQuote) {
          v = v.replace(",", ";").replace("\"", "");
        }
        sb.append(k == 0 ? "" : ",").append(v);
      }
      if (i < rows - 1 || r.nextBoolean()) {
        sb.append(EOLS[r.nextInt(3)]);
      }
    }
    return sb.toString();
  }

  private Path write(String name, String text, boolean gzip) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  /** What a reading gave: counts, rejected rows, the paths. */
  private record Read(long read, long accepted, List<RejectedRow> rejected, PathCounts paths) {}

  /* The reference: an independent splitter, the core's parser on text row by row, the builder's object entry. */
  private static Read reference(Path file, String separator) throws IOException {
    Rejects rejects = new Rejects(OnBadRow.SKIP);
    ReferenceCsv csv = ReferenceCsv.read(file);
    Header h = PathRowParser.header(file.toString(), csv.header(), ColumnMapping.none());
    PathRowParser parser = new PathRowParser(h, ColumnMapping.none(), separator);
    RawRows raw = RawRows.of(csv.header(), csv.delimiter());
    PathCounts.Builder b = PathCounts.builder();
    PathTotals totals = new PathTotals();
    long read = 0;
    long accepted = 0;
    for (ReferenceCsv.Rec rec : csv.records()) {
      read++;
      try {
        PathRowParser.Row row = parser.parse(rec.cells(), rec.line());
        assertTrue(totals.add(row.stats().conversions(), row.stats().nulls()));
        b.add(row.path(), row.stats().conversions(), row.stats().value(), row.stats().nulls());
        accepted++;
      } catch (InputException x) {
        rejects.reject(x, rec.cells(), raw);
      }
    }
    return new Read(read, accepted, rejects.rows(), b.build());
  }

  private static Read loaded(Path file, String separator, int threads, long minParallel) {
    Rejects rejects = new Rejects(OnBadRow.SKIP);
    ReadSettings s = ReadSettings.defaults();
    s = new ReadSettings(s.mapping(), s.zone(), s.delimiter(), separator, new Slicing(minParallel, 10_000));
    PathLoader.Result r = PathLoader.load(new InputSource(file.toString(), null), s, rejects, threads);
    return new Read(r.stats().read(), r.stats().accepted(), rejects.rows(), r.paths());
  }

  private void assertAgree(Path file, String separator) throws IOException {
    Read want = reference(file, separator);
    assertTrue(want.accepted() > 0 && want.read() > want.accepted(), "the file has good and bad rows");
    for (int threads : new int[] {1, 2, 3, 4}) {
      for (long minParallel : new long[] {1, Long.MAX_VALUE}) {
        Read got = loaded(file, separator, threads, minParallel);
        String what = file.getFileName() + " threads " + threads + " sliced " + (minParallel == 1);
        assertEquals(want.read(), got.read(), what);
        assertEquals(want.accepted(), got.accepted(), what);
        assertEquals(want.rejected(), got.rejected(), what);
        assertEquals(want.paths(), got.paths(), what);
        // Exact values down to their scale: the byte route writes the same digits as the text route.
        assertEquals(want.paths().value().toPlainString(), got.paths().value().toPlainString(), what);
      }
    }
  }

  @Test
  void load_randomUnquotedFiles_agreeWithTheReference() throws IOException {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 10; i++) {
      assertAgree(write("plain" + i + ".csv", file(r, 300 + r.nextInt(600), false, ">"), false), ">");
    }
  }

  @Test
  void load_randomQuotedFiles_agree() throws IOException {
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 10; i++) {
      assertAgree(write("quoted" + i + ".csv", file(r, 300 + r.nextInt(600), true, ">"), false), ">");
    }
  }

  @Test
  void load_otherSeparators_agree() throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    String[] separators = {"|", "->", " > ", "→"};
    for (int i = 0; i < separators.length; i++) {
      Path f = write("sep" + i + ".csv", file(r, 500, i % 2 == 0, separators[i]), false);
      assertAgree(f, separators[i]);
    }
  }

  @Test
  void load_gzipFiles_agree() throws IOException {
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 3; i++) {
      assertAgree(write("paths" + i + ".csv.gz", file(r, 500, i % 2 == 0, ">"), true), ">");
    }
  }

  @Test
  void load_handWorkedFile_exactStats() throws IOException {
    // Two rows of one path (the second with spaces, padded digits and a trailing zero) and one other path.
    Path f = write("hand.csv", "path,total_conversions,total_conversion_value,total_null\n"
        + "a > b,2,10.50,1\n" + "c,0,0,4\n" + " a>b , 003 , 0.25 ,0\n", false);
    for (long minParallel : new long[] {1, Long.MAX_VALUE}) {
      Read got = loaded(f, ">", 2, minParallel);
      assertEquals(3, got.accepted());
      assertEquals(2, got.paths().size());
      assertEquals(5, got.paths().conversions());
      assertEquals(5, got.paths().nulls());
      assertEquals("10.75", got.paths().value().toPlainString());
      assertEquals("a > b", got.paths().byPath().firstKey().display());
      assertEquals(new BigDecimal("10.75"), got.paths().byPath().get(got.paths().byPath().firstKey()).value());
    }
  }

  @Test
  void load_failPolicy_firstBadRowOfTheFileEvenWhenSliced() throws IOException {
    String head = "path,total_conversions,total_conversion_value,total_null\n";
    String good = "a > b,1,2.50,3\n";
    Path f = write("fail.csv", head + good.repeat(300) + "a > > b,1,2,0\n" + good.repeat(300) + "c,x,1,0\n"
        + good.repeat(300), false);
    for (long minParallel : new long[] {1, Long.MAX_VALUE}) {
      ReadSettings s = ReadSettings.defaults().withSlicing(new Slicing(minParallel, 1));
      InputException e = assertThrows(InputException.class, () -> PathLoader.load(
          new InputSource(f.toString(), null), s, new Rejects(OnBadRow.FAIL), 3));
      assertEquals(302, e.line());
      assertEquals("path", e.column());
    }
  }

  @Test
  void load_countsPastTheLimit_namedAtTheirRowSlicedOrNot() throws IOException {
    long half = PathTotals.MAX_JOURNEYS / 2 + 1;
    String head = "path,total_conversions,total_conversion_value,total_null\n";
    String good = "a > b,1,2.50,3\n";
    // The row that passes the limit lies in the last third: slices alone do not pass it, the whole file does.
    Path f = write("limit.csv", head + good.repeat(300) + "a," + half + ",1,0\n" + good.repeat(300) + "b,0,0,"
        + half + "\n" + good.repeat(300), false);
    for (long minParallel : new long[] {1, Long.MAX_VALUE}) {
      ReadSettings s = ReadSettings.defaults().withSlicing(new Slicing(minParallel, 1));
      InputException e = assertThrows(InputException.class, () -> PathLoader.load(
          new InputSource(f.toString(), null), s, new Rejects(OnBadRow.SKIP), 3));
      assertEquals(603, e.line());
      assertEquals("total_null", e.column());
      assertEquals(PathTotals.reason(), e.reason());
    }
  }

  @Test
  void load_quotedLineBreaksAcrossSlices_sameRowsAsInOnePiece() throws IOException {
    StringBuilder sb = new StringBuilder("path,total_conversions,total_conversion_value,total_null,note\n");
    for (int i = 0; i < 200; i++) {
      // Each row spans two lines; row i starts on line 2 + 2i. Row 150 (line 302) has a bad count.
      sb.append("a > b").append(i % 7 == 0 ? " > c" : "").append(',').append(i == 150 ? "x" : "1")
          .append(",1.5,2,\"line a\nline b, \"\"quoted\"\"\"\n");
    }
    Path f = write("quoted-breaks.csv", sb.toString(), false);
    for (long minParallel : new long[] {1, Long.MAX_VALUE}) {
      Rejects rejects = new Rejects(OnBadRow.SKIP);
      PathLoader.Result r = PathLoader.load(new InputSource(f.toString(), null),
          ReadSettings.defaults().withSlicing(new Slicing(minParallel, 1)), rejects, 4);
      assertEquals(200, r.stats().read());
      assertEquals(199, r.stats().accepted());
      assertEquals(1, rejects.rows().size());
      assertEquals(302, rejects.rows().get(0).line());
      assertEquals(2, r.paths().size());
      assertEquals(199, r.paths().conversions());
      assertEquals("298.5", r.paths().value().toPlainString());
    }
  }
}
