package io.tributary.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.cli.csv.InputSource;
import io.tributary.core.InputException;
import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.input.RawRows;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.rule.TimeDecay;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event loader (the core's reader, sliced or not, plain rows on the byte path or not, gzip or not) against a
 * reference written here: a plain RFC 4180 splitter over the decoded text ({@link ReferenceCsv}, independent of the
 * core's reader) and the core's {@link EventRowParser} on text row by row, events grouped per customer in a map and
 * folded by the core's List<Event> entry. Both must read the same rows, reject the same rows with the same line, reason and raw text, and give the same
 * aggregate, on random logs full of the edge cases exports have: quotes, CRLF and CR, a BOM, blank lines, spaces,
 * non-ASCII ids, every timestamp form, flags, aliases of nothing, bad values, wrong field counts.
 */
class SlicedReadTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final List<AttributionModel> MODELS = List.of(new TimeDecay(Duration.ofDays(7)));
  private static final String[] CHANNELS = {"email", "search", "display", "Direct", "näher", " email", "social ",
    "a>b", "tab\tbed", "", "\"quoted\"", "x\"y"};
  private static final String[] TIMES = {"2024-03-%02dT10:15:%02dZ", "2024-03-%02d 10:15:%02d",
    "2024-03-%02dT10:15:%02d.250Z", "2024-03-%02dT10:15:%02d+02:00", "2024-02-30T00:00:%02dZ", " 2024-03-%02dT00:00:%02dZ",
    "nope%d%d", "17092%02d00%02d000", "2024-03-%02d", ""};
  private static final String[] FLAGS = {"0", "1", "", "true", "YES", "no", " 1", "maybe", "1.0"};
  private static final String[] VALUES = {"", "", "12.5", "0", "3", " 4.25", "-1", "abc", "1e3", "0.10"};
  private static final String[] TYPES = {"", "touch", "conversion", "Conversion", "TOUCH", "click", " touch"};
  private static final String[] EOLS = {"\n", "\r\n", "\r"};

  @TempDir
  Path dir;

  /** A random event log; {@code quotes} allows quoted cells (with doubled quotes and line breaks inside). */
  private String log(SplittableRandom r, int rows, boolean quotes, boolean typeColumn) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(3) == 0) {
      sb.append('\uFEFF');
    }
    sb.append("customer_id,timestamp,channel,conversion,conversion_value").append(typeColumn ? ",event_type" : "")
        .append(",order_id,campaign").append(EOLS[r.nextInt(3)]);
    for (int i = 0; i < rows; i++) {
      if (r.nextInt(40) == 0) {
        sb.append(EOLS[r.nextInt(3)]);
      }
      List<String> cells = new ArrayList<>();
      int c = r.nextInt(30);
      cells.add(r.nextInt(50) == 0 ? "" : r.nextInt(40) == 0 ? "kü" + c : r.nextInt(60) == 0 ? " c" + c : "c" + c);
      String t = TIMES[r.nextInt(8) < 6 ? r.nextInt(2) : r.nextInt(TIMES.length)];
      cells.add(String.format(java.util.Locale.ROOT, t, 1 + r.nextInt(28), r.nextInt(60)));
      cells.add(CHANNELS[r.nextInt(10) < 7 ? r.nextInt(3) : r.nextInt(CHANNELS.length)]);
      cells.add(FLAGS[r.nextInt(10) < 8 ? r.nextInt(2) : r.nextInt(FLAGS.length)]);
      cells.add(VALUES[r.nextInt(VALUES.length)]);
      if (typeColumn) {
        cells.add(TYPES[r.nextInt(10) < 7 ? r.nextInt(3) : r.nextInt(TYPES.length)]);
      }
      cells.add(r.nextInt(5) == 0 ? "o" + r.nextInt(4) : "");
      cells.add(r.nextInt(8) == 0 ? "spring,sale" : "spring");
      if (r.nextInt(60) == 0) {
        cells.remove(cells.size() - 1);
      }
      for (int k = 0; k < cells.size(); k++) {
        String v = cells.get(k);
        boolean mustQuote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
        if (quotes && (mustQuote || r.nextInt(30) == 0)) {
          v = "\"" + v.replace("\"", "\"\"") + (r.nextInt(40) == 0 ? "\nmore" : "") + "\"";
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

  /** What a reader made of a log: counts, rejected rows, the aggregate. */
  private record Read(long read, long accepted, List<RejectedRow> rejected, long customers, JourneyAggregate agg,
      int ranges) {}

  /* The reference: an independent splitter, the core's parser on text row by row, a map per customer. */
  private static Read reference(Path file, IdentityMap ids, ConsentList consent) throws IOException {
    Rejects rejects = new Rejects(OnBadRow.SKIP);
    Map<String, List<Event>> byCustomer = new LinkedHashMap<>();
    long read = 0;
    long accepted = 0;
    ReferenceCsv csv = ReferenceCsv.read(file);
    Header h = EventRowParser.header(file.toString(), csv.header(), ColumnMapping.none());
    EventRowParser parser = new EventRowParser(h, ColumnMapping.none(), UTC);
    RawRows raw = RawRows.of(csv.header(), csv.delimiter());
    for (ReferenceCsv.Rec rec : csv.records()) {
      read++;
      try {
        Event e = parser.parse(rec.cells(), rec.line());
        accepted++;
        String unified = ids.resolve(e.customerId());
        if (!consent.excludes(e.customerId(), unified)) {
          byCustomer.computeIfAbsent(unified, k -> new ArrayList<>()).add(e);
        }
      } catch (InputException x) {
        rejects.reject(x, rec.cells(), raw);
      }
    }
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), MODELS);
    byCustomer.values().forEach(b::addCustomer);
    return new Read(read, accepted, rejects.rows(), byCustomer.size(), b.build(), 1);
  }

  private static Read bytes(Path file, IdentityMap ids, ConsentList consent, int threads, long minParallel) {
    Rejects rejects = new Rejects(OnBadRow.SKIP);
    EventLoader.Result r = EventLoader.load(new InputSource(file.toString(), null),
        ReadSettings.defaults().withSlicing(new Slicing(minParallel, 10_000)), ids, consent, rejects, Progress.none(),
        threads);
    CustomerGroups g = r.store().group();
    // Fold slices of one customer upwards: with four threads the journeys are folded in four slices.
    JourneyAggregate agg = JourneyFold.fold(g, JourneyOptions.defaults(), MODELS, threads, null, 1).aggregate();
    return new Read(r.stats().read(), r.stats().accepted(), rejects.rows(), r.store().customers(), agg,
        r.ranges());
  }

  private void assertAgree(Path file, IdentityMap ids, ConsentList consent) throws IOException {
    Read want = reference(file, ids, consent);
    assertTrue(want.accepted() > 0 && want.read() > want.accepted(), "the log has good and bad rows");
    for (int threads : new int[] {1, 2, 3, 4}) {
      for (long minParallel : new long[] {1, Long.MAX_VALUE}) {
        Read got = bytes(file, ids, consent, threads, minParallel);
        String what = file.getFileName() + " threads " + threads + " sliced " + (minParallel == 1);
        assertEquals(want.read(), got.read(), what);
        assertEquals(want.accepted(), got.accepted(), what);
        assertEquals(want.rejected(), got.rejected(), what);
        assertEquals(want.customers(), got.customers(), what);
        assertEquals(want.agg(), got.agg(), what);
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        assertEquals(minParallel == 1 && !gzip ? threads : 1, got.ranges(), what + ": ranges read");
      }
    }
  }

  @Test
  void load_randomUnquotedLogs_agreeWithTheReference() throws IOException {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 12; i++) {
      Path f = write("plain" + i + ".csv", log(r, 300 + r.nextInt(600), false, i % 2 == 0), false);
      assertAgree(f, IdentityMap.empty(), ConsentList.none());
    }
  }

  @Test
  void load_randomQuotedLogs_agree() throws IOException {
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 12; i++) {
      Path f = write("quoted" + i + ".csv", log(r, 300 + r.nextInt(600), true, i % 2 == 1), false);
      assertAgree(f, IdentityMap.empty(), ConsentList.none());
    }
  }

  @Test
  void load_gzipLogs_agree() throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 4; i++) {
      Path f = write("log" + i + ".csv.gz", log(r, 500, i % 2 == 0, true), true);
      assertAgree(f, IdentityMap.empty(), ConsentList.none());
    }
  }

  @Test
  void load_withIdentitiesAndConsent_agree() throws IOException {
    SplittableRandom r = new SplittableRandom(4);
    IdentityMap ids = IdentityMap.of(Map.of("c1", "c2", "c3", "c2", "kü4", "c5"));
    ConsentList consent = ConsentList.of(Set.of("c7", "c3"), ids);
    for (int i = 0; i < 4; i++) {
      Path f = write("ids" + i + ".csv", log(r, 800, i % 2 == 0, i < 2), false);
      assertAgree(f, ids, consent);
    }
  }

  @Test
  void load_malformedFile_sameWordedErrorSlicedOrNot() throws IOException {
    String head = "customer_id,timestamp,channel,conversion\n";
    String good = "c1,2024-03-01T10:00:00Z,email,0\n";
    String[] bodies = {good + "c2,2024-03-01T10:00:00Z,\"email,0\n" + good,
      good + "c2,2024-03-01T10:00:00Z,\"email\"x,0\n",
      good + "c2,2024-03-01T10:00:00Z,ab,0\n"};
    String[] want = {":53: column channel: quoted field is never closed",
      ":53: column channel: unexpected character 'x' after a closing quote",
      ":53: column channel: not valid UTF-8 text: byte 0xFF at byte 25 of the line"};
    for (int i = 0; i < bodies.length; i++) {
      byte[] text = (head + good.repeat(50) + bodies[i]).getBytes(StandardCharsets.UTF_8);
      if (i == 2) {
        // An invalid byte: not UTF-8 text.
        text[text.length - 4] = (byte) 0xC3;
        text[text.length - 5] = (byte) 0xFF;
      }
      Path f = dir.resolve("bad" + i + ".csv");
      Files.write(f, text);
      for (long minParallel : new long[] {1, Long.MAX_VALUE}) {
        InputException got = assertThrows(InputException.class, () -> bytes(f, IdentityMap.empty(),
            ConsentList.none(), 2, minParallel));
        assertTrue(got.getMessage().startsWith(f + want[i]), got.getMessage());
      }
    }
  }

  @Test
  void load_failPolicy_firstBadRowOfTheFileEvenWhenSliced() throws IOException {
    String head = "customer_id,timestamp,channel,conversion\n";
    String good = "c1,2024-03-01T10:00:00Z,email,0\n";
    String text = head + good.repeat(300) + "c2,yesterday,email,0\n" + good.repeat(300) + "c3,,email,0\n"
        + good.repeat(300);
    Path f = write("fail.csv", text, false);
    for (long minParallel : new long[] {1, Long.MAX_VALUE}) {
      InputException e = assertThrows(InputException.class, () -> EventLoader.load(
          new InputSource(f.toString(), null), ReadSettings.defaults().withSlicing(new Slicing(minParallel, 1)),
          IdentityMap.empty(), ConsentList.none(), new Rejects(OnBadRow.FAIL), Progress.none(), 3));
      assertEquals(302, e.line());
      assertEquals("timestamp", e.column());
    }
  }

  @Test
  void load_quotedLineBreaksAcrossSlices_restReadInOnePieceWithANote() throws IOException {
    StringBuilder sb = new StringBuilder("customer_id,timestamp,channel,conversion,conversion_value,note\n");
    for (int i = 0; i < 200; i++) {
      // Each row spans two lines; row i starts on line 2 + 2i. Row 150 (line 302) has a bad flag.
      sb.append("c").append(i % 7).append(",2024-03-").append(String.format("%02d", 1 + i % 28))
          .append("T10:00:00Z,email,").append(i == 150 ? "maybe" : i % 10 == 9 ? "1" : "0")
          .append(",,\"line a\nline b, \"\"quoted\"\"\"\n");
    }
    Path f = write("quoted-breaks.csv", sb.toString(), false);
    Rejects rejects = new Rejects(OnBadRow.SKIP);
    EventLoader.Result r = EventLoader.load(new InputSource(f.toString(), null),
        ReadSettings.defaults().withSlicing(new Slicing(1, 1)), IdentityMap.empty(), ConsentList.none(), rejects,
        Progress.none(), 4);
    assertEquals(List.of("note: " + io.tributary.core.input.RangeCheck.onePieceNote(f.toString())), r.notes());
    assertEquals(4, r.ranges());
    assertEquals(200, r.stats().read());
    assertEquals(199, r.stats().accepted());
    assertEquals(1, rejects.rows().size());
    assertEquals(302, rejects.rows().get(0).line());
    assertEquals(7, r.store().group().customers());
    assertEquals(199, r.store().group().events());
  }
}
