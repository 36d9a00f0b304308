package io.tributary.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.InputException;
import io.tributary.core.journey.Event;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Segment columns of the event log: a missing one is a one-line error naming the file and the column; the byte path
 * and the text path read the same values (empty cells read (none)) and reject the same bad cells with the same words.
 */
class SegmentColumnsTest {
  private static final String CSV = "customer_id,timestamp,channel,loyalty,region\n"
      + "a,2024-01-01T00:00:00Z,email,gold,north\n"
      + "a,2024-01-01T01:00:00Z,search,gold,\n"
      + "b,2024-01-01T00:00:00Z,email,\"silver\",north\n"
      + "c,2024-01-01T00:00:00Z,email,\"bad\u0001\",north\n";

  @Test
  void header_missingSegmentColumn_namesFileAndColumn() {
    InputException e = assertThrows(InputException.class, () -> EventRowParser.header("events.csv",
        List.of("customer_id", "timestamp", "channel"), ColumnMapping.none(), List.of("loyalty")));
    assertEquals("events.csv:1: column loyalty: segment column (--segment-by) is not in the header",
        e.getMessage());
  }

  /*
   * The byte path remembers each column's cells (up to 256 per column) with their values: every row must still read
   * the value the rule gives its cell (stripped, (none) when empty), whether the cell is the row before's, one met
   * earlier, a new one, or one beyond the remembered ones. The truth is worked out here from the cell's text.
   */
  @Test
  void parse_bytes_manyCellsRepeatedAndBeyondTheRemembered_eachRowReadsItsCellsValue() throws Exception {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    StringBuilder csv = new StringBuilder("customer_id,timestamp,channel,loyalty,region\n");
    List<String> want = new ArrayList<>();
    for (int row = 0; row < 20_000; row++) {
      // region: 400 values (more than are remembered), padded or empty now and then; loyalty: 3, runs of rows alike
      int reg = rnd.nextInt(10) < 8 ? rnd.nextInt(12) : rnd.nextInt(400);
      String region = switch (rnd.nextInt(20)) {
        case 0 -> "";
        case 1 -> " r" + reg + " ";
        default -> "r" + reg;
      };
      String loyalty = List.of("gold", "silver", "bronze").get(row / 7 % 3);
      csv.append("c").append(row / 5).append(",2024-01-01T00:00:00Z,email,").append(loyalty).append(',')
          .append(region).append('\n');
      String r = region.strip();
      want.add("c" + row / 5 + ":" + loyalty + "|" + (r.isEmpty() ? "(none)" : r));
    }
    List<String> segs = List.of("loyalty", "region");
    List<String> got = new ArrayList<>();
    try (CsvRecords r = CsvRecords.open("events.csv",
        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), CsvRecords.DETECT,
        Long.MAX_VALUE)) {
      Header h = EventRowParser.header("events.csv", r.header(), ColumnMapping.none(), segs);
      EventRowParser bytes = new EventRowParser(h, ColumnMapping.none(), ZoneOffset.UTC, segs);
      EventSink sink = recording(got);
      while (r.next()) {
        bytes.parse(r, sink);
      }
    }
    assertEquals(want, got);
  }

  /*
   * A sink is handed values only when they are not the ones it holds (a customer's rows share theirs). Rows that take
   * the text path (a quoted cell) with other values in between, and one parser feeding two sinks in turn, must still
   * leave every row with its own cells' values.
   */
  @Test
  void parse_valuesHandedOnChangeOnly_textRowsAndTwoSinksBetween_eachRowReadsItsOwn() throws Exception {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(17);
    StringBuilder csv = new StringBuilder("customer_id,timestamp,channel,loyalty,region\n");
    List<String> wantA = new ArrayList<>();
    List<String> wantB = new ArrayList<>();
    boolean[] toB = new boolean[5_000];
    for (int row = 0; row < toB.length; row++) {
      String loyalty = List.of("gold", "silver").get(row / 6 % 2);
      String region = "r" + row / 9 % 3;
      boolean text = rnd.nextInt(8) == 0;
      if (text && rnd.nextBoolean()) {
        region = "t" + rnd.nextInt(3); // other values on a row the text path reads
      }
      toB[row] = rnd.nextInt(10) == 0;
      csv.append("c").append(row / 6).append(",2024-01-01T00:00:00Z,").append(text ? "\"email\"" : "email")
          .append(',').append(loyalty).append(',').append(region).append('\n');
      (toB[row] ? wantB : wantA).add("c" + row / 6 + ":" + loyalty + "|" + region);
    }
    List<String> segs = List.of("loyalty", "region");
    List<String> gotA = new ArrayList<>();
    List<String> gotB = new ArrayList<>();
    try (CsvRecords r = CsvRecords.open("events.csv",
        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), CsvRecords.DETECT,
        Long.MAX_VALUE)) {
      Header h = EventRowParser.header("events.csv", r.header(), ColumnMapping.none(), segs);
      EventRowParser parser = new EventRowParser(h, ColumnMapping.none(), ZoneOffset.UTC, segs);
      EventSink a = recording(gotA);
      EventSink b = recording(gotB);
      for (int row = 0; r.next(); row++) {
        parser.parse(r, toB[row] ? b : a);
      }
    }
    assertEquals(wantA, gotA);
    assertEquals(wantB, gotB);
  }

  @Test
  void parse_bytesAndText_sameValuesAndSameRejection() throws Exception {
    List<String> segs = List.of("loyalty", "region");
    List<String> viaBytes = new ArrayList<>();
    List<String> viaText = new ArrayList<>();
    try (CsvRecords r = CsvRecords.open("events.csv", new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)),
        CsvRecords.DETECT, Long.MAX_VALUE)) {
      Header h = EventRowParser.header("events.csv", r.header(), ColumnMapping.none(), segs);
      EventRowParser bytes = new EventRowParser(h, ColumnMapping.none(), ZoneOffset.UTC, segs);
      EventRowParser text = new EventRowParser(h, ColumnMapping.none(), ZoneOffset.UTC, segs);
      EventSink sink = recording(viaBytes);
      List<String> errors = new ArrayList<>();
      while (r.next()) {
        String[] cells = r.texts();
        try {
          bytes.parse(r, sink);
        } catch (InputException e) {
          errors.add(e.getMessage());
        }
        try {
          Event e = text.parse(Fields.of(cells, r.line()));
          viaText.add(e.customerId() + ":" + String.join("|", text.segments()));
        } catch (InputException e) {
          errors.add(e.getMessage());
        }
      }
      assertEquals(List.of("a:gold|north", "a:gold|(none)", "b:silver|north"), viaBytes);
      assertEquals(viaBytes, viaText);
      assertEquals(2, errors.size());
      assertEquals("events.csv:5: column loyalty: control character in segment value \"bad\\u0001\"", errors.get(0));
      assertEquals(errors.get(0), errors.get(1));
    }
  }

  /* A sink that records each row as "customer:values", its segment values joined by "|", as either path hands it on. */
  private static EventSink recording(List<String> rows) {
    String[] pending = new String[1];
    return new EventSink() {
      @Override
      public void segments(String[] values) {
        pending[0] = String.join("|", values);
      }

      @Override
      public void add(byte[] b, int cf, int ct, long time, int chf, int cht, boolean touch, boolean conversion,
          BigDecimal value, String orderId) {
        rows.add(new String(b, cf, ct - cf, StandardCharsets.US_ASCII) + ":" + pending[0]);
      }

      @Override
      public void add(Event e) {
        rows.add(e.customerId() + ":" + pending[0]);
      }
    };
  }
}
