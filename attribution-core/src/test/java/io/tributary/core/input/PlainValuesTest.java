package io.tributary.core.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.paths.PathCounts;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Counts, amounts and path rows read straight from bytes ({@link Values#plainCount}, {@link Values#plainAmount},
 * {@link PathRowFold}) give what the text rules give, or leave the cell to them: checked on hand-worked cells and on
 * every cell of a brute-force enumeration of short strings over digits, point, sign, exponent and space.
 */
class PlainValuesTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void plainAmount_handWorked_exactWithTrailingZerosStripped() {
    String[][] cases = {{"12", "12"}, {"0.50", "0.5"}, {" 4.25 ", "4.25"}, {"100.00", "100"}, {"0.000", "0"},
      {"007.10", "7.1"}, {"", "0"}, {"  ", "0"}, {"123456789012345678", "123456789012345678"},
      {"0.00000000000000001", "0.00000000000000001"}};
    for (String[] c : cases) {
      byte[] b = ascii(c[0]);
      BigDecimal got = Values.plainAmount(b, 0, b.length);
      assertNotNull(got, c[0]);
      assertEquals(c[1], got.toPlainString(), c[0]);
      assertEquals(new BigDecimal(c[1]), got, c[0]); // equals compares the scale too
    }
    for (String left : new String[] {"-1", "+2", "1e3", "1.", ".5", "1,5", "abc", "1234567890123456789",
      "0.1234567890123456789", "1..2"}) {
      byte[] b = ascii(left);
      assertNull(Values.plainAmount(b, 0, b.length), left);
    }
  }

  @Test
  void plainCount_handWorked() {
    String[][] cases = {{"0", "0"}, {"17", "17"}, {" 3 ", "3"}, {"007", "7"}, {"", "0"},
      {"123456789012345678", "123456789012345678"}};
    for (String[] c : cases) {
      byte[] b = ascii(c[0]);
      assertEquals(Long.parseLong(c[1]), Values.plainCount(b, 0, b.length), c[0]);
    }
    for (String left : new String[] {"3.0", "-1", "+4", "1e3", "1234567890123456789", "x"}) {
      byte[] b = ascii(left);
      assertEquals(-1, Values.plainCount(b, 0, b.length), left);
    }
  }

  /** Every string of up to five characters over an alphabet of the forms numbers come in. */
  private static List<String> enumerate() {
    char[] alphabet = {'0', '1', '5', '.', '-', '+', 'e', ' '};
    List<String> out = new ArrayList<>(List.of(""));
    List<String> level = List.of("");
    for (int len = 1; len <= 5; len++) {
      List<String> next = new ArrayList<>();
      for (String s : level) {
        for (char c : alphabet) {
          next.add(s + c);
        }
      }
      out.addAll(next);
      level = next;
    }
    return out;
  }

  @Test
  void plainAmountAndCount_bruteForce_agreeWithTheTextRules() {
    List<String> cells = enumerate();
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      // Long digit strings around the 18-digit limits, with a point somewhere and leading or trailing zeros.
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(24);
      for (int k = 0; k < n; k++) {
        sb.append((char) ('0' + (r.nextInt(3) == 0 ? 0 : r.nextInt(10))));
      }
      if (r.nextBoolean()) {
        sb.insert(r.nextInt(sb.length() + 1), '.');
      }
      cells.add(sb.toString());
    }
    int readOnBytes = 0;
    for (String s : cells) {
      byte[] b = ascii(s);
      BigDecimal amount = Values.plainAmount(b, 0, b.length);
      if (amount != null) {
        readOnBytes++;
        BigDecimal text = Values.parseAmount(s); // must not throw: bytes read only what the text rule accepts
        assertEquals(text, amount, s);
        assertEquals(text.scale(), amount.scale(), s);
      }
      long count = Values.plainCount(b, 0, b.length);
      if (count >= 0) {
        assertEquals(Values.parseCount(s), count, s);
      }
    }
    assertTrue(readOnBytes > 10_000, "most plain decimals are read on bytes: " + readOnBytes);
  }

  @Test
  void pathRowFold_plainAndQuotedRowsOfOnePath_sameAggregateAsTheTextRoute() {
    String text = "path,total_conversions,total_conversion_value,total_null\n"
        + "search > email,2,10.50,1\n" // plain: read on bytes
        + "\"search > email\",1,0.25,0\n" // quoted: read as text
        + "search>email , 0 , 0 , 3\n" // plain, spaces everywhere
        + "näher > email,1,1,0\n"; // not ASCII: read as text
    CsvRecords rows = CsvRecords.open("f.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        ',', Long.MAX_VALUE);
    Header h = PathRowParser.header("f.csv", rows.header(), ColumnMapping.none());
    PathRowFold fold = new PathRowFold(new PathRowParser(h, ColumnMapping.none(), ">"));
    while (rows.next()) {
      assertTrue(fold.add(rows));
    }
    PathCounts got = fold.build();
    PathCounts want = PathCounts.builder()
        .add(io.tributary.core.paths.Path.of("search", "email"), 3, new BigDecimal("10.75"), 4)
        .add(io.tributary.core.paths.Path.of("näher", "email"), 1, BigDecimal.ONE, 0)
        .build();
    assertEquals(want, got);
    assertEquals(4, fold.totals().conversions());
    assertEquals(4, fold.totals().nulls());
  }
}
