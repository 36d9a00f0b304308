package io.tributary.cli.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.InputException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  /* A reader that hands out at most `chunk` characters per read, to force records across buffer refills. */
  private static Reader trickle(String text, int chunk) {
    return new Reader() {
      private int pos;

      @Override
      public int read(char[] cbuf, int off, int len) {
        if (pos >= text.length()) {
          return -1;
        }
        int n = Math.min(Math.min(len, chunk), text.length() - pos);
        text.getChars(pos, pos + n, cbuf, off);
        pos += n;
        return n;
      }

      @Override
      public void close() {}
    };
  }

  private static List<String[]> all(CsvReader r, List<Long> lines) {
    List<String[]> out = new ArrayList<>();
    String[] f;
    while ((f = r.next()) != null) {
      out.add(f);
      lines.add(r.line());
    }
    return out;
  }

  @Test
  void next_quotedFieldsWithDelimitersQuotesAndLineBreaks_rfc4180() {
    String text = "a,b,c\r\n1,\"x,y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n\n3,,\"\"\n";
    CsvReader r = CsvReader.of("t.csv", new StringReader(text), Delimiter.AUTO);
    List<Long> lines = new ArrayList<>();
    List<String[]> rows = all(r, lines);
    assertEquals(List.of("a", "b", "c"), r.header());
    assertArrayEquals(new String[] {"1", "x,y", "say \"hi\""}, rows.get(0));
    assertArrayEquals(new String[] {"2", "two\nlines", ""}, rows.get(1));
    assertArrayEquals(new String[] {"3", "", ""}, rows.get(2));
    // Record 2 starts on line 3 and spans lines 3-4; line 5 is blank; record 3 is on line 6.
    assertEquals(List.of(2L, 3L, 6L), lines);
  }

  @Test
  void next_anyBufferSplit_sameRecords() {
    SplittableRandom rnd = new SplittableRandom(3);
    StringBuilder sb = new StringBuilder("h1;h2;h3\n");
    List<String[]> expected = new ArrayList<>();
    String alphabet = "ab;\"\n\r ,x";
    for (int i = 0; i < 300; i++) {
      String[] f = new String[3];
      for (int k = 0; k < 3; k++) {
        StringBuilder v = new StringBuilder();
        int n = rnd.nextInt(6);
        for (int j = 0; j < n; j++) {
          v.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        f[k] = v.toString().replace("\r", "");
      }
      expected.add(f);
      for (int k = 0; k < 3; k++) {
        sb.append(k == 0 ? "" : ";").append('"').append(f[k].replace("\"", "\"\"")).append('"');
      }
      sb.append(i % 2 == 0 ? "\n" : "\r\n");
    }
    for (int chunk : new int[] {1, 2, 3, 7, 4096}) {
      CsvReader r = CsvReader.of("t.csv", trickle(sb.toString(), chunk), Delimiter.AUTO);
      assertEquals(';', r.delimiter());
      List<String[]> got = all(r, new ArrayList<>());
      assertEquals(expected.size(), got.size(), "chunk " + chunk);
      for (int i = 0; i < got.size(); i++) {
        assertArrayEquals(expected.get(i), got.get(i), "chunk " + chunk + " row " + i);
      }
    }
  }

  @Test
  void open_delimiterDetection_picksMostFrequentOutsideQuotes() {
    assertEquals(',', Delimiter.AUTO.detect("a,b,c"));
    assertEquals(';', Delimiter.AUTO.detect("a;b;c"));
    assertEquals('\t', Delimiter.AUTO.detect("a\tb\tc"));
    assertEquals(';', Delimiter.AUTO.detect("\"a,b,c\";d;e"));
    assertEquals(',', Delimiter.AUTO.detect("single"));
  }

  @Test
  void open_byteOrderMark_stripped() {
    CsvReader r = CsvReader.of("t.csv", new StringReader("\uFEFFcustomer_id,x\n1,2\n"), Delimiter.AUTO);
    assertEquals("customer_id", r.header().get(0));
  }

  @Test
  void next_lastLineWithoutNewline_read() {
    CsvReader r = CsvReader.of("t.csv", new StringReader("a,b\n1,2"), Delimiter.AUTO);
    assertArrayEquals(new String[] {"1", "2"}, r.next());
    assertNull(r.next());
  }

  @Test
  void next_garbageAfterClosingQuote_errorNamesLineAndColumn() {
    CsvReader r = CsvReader.of("t.csv", new StringReader("a,b\n1,\"x\"y\n"), Delimiter.AUTO);
    InputException e = assertThrows(InputException.class, r::next);
    assertEquals(2, e.line());
    assertEquals("b", e.column());
  }

  @Test
  void next_oversizedRecordWithoutQuotes_errorInsteadOfMemory() {
    String huge = "a\n" + "x".repeat(CsvReader.MAX_FIELD_CHARS + 10) + "\n";
    CsvReader r = CsvReader.of("t.csv", trickle(huge, 5000), Delimiter.AUTO);
    InputException e = assertThrows(InputException.class, r::next);
    assertEquals("t.csv:2: column a: field is longer than " + CsvReader.MAX_FIELD_CHARS + " characters",
        e.getMessage());
  }

  @Test
  void next_strayQuoteRunningOn_recordLimitError() {
    StringBuilder sb = new StringBuilder("a,b\n1,\"oops\n");
    while (sb.length() < CsvReader.MAX_RECORD_CHARS + 100) {
      sb.append("1,2\n");
    }
    CsvReader r = CsvReader.of("t.csv", trickle(sb.toString(), 1 << 16), Delimiter.AUTO);
    InputException e = assertThrows(InputException.class, r::next);
    assertEquals(2, e.line());
  }

  @Test
  void open_emptyInput_error() {
    InputException e = assertThrows(InputException.class,
        () -> CsvReader.of("t.csv", new StringReader(""), Delimiter.AUTO));
    assertEquals("t.csv: empty file (expected a header line)", e.getMessage());
  }
}
