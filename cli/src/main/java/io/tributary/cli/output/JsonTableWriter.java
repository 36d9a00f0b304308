package io.tributary.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes tables as JSON: a table is an array of objects keyed by SPEC's column names, one object per line; numbers
 * in {@link Numbers}' format (valid JSON numbers), null as {@code null}, text escaped per RFC 8259.
 */
public final class JsonTableWriter {
  private JsonTableWriter() {}

  /** Writes one table as a JSON array. */
  public static void write(Table table, Writer out) throws IOException {
    writeArray(table, out);
    out.write('\n');
  }

  /** Writes several tables as one JSON object whose members are the tables by name, in the given order. */
  public static void writeAll(List<Table> tables, Writer out) throws IOException {
    out.write("{\n");
    for (int t = 0; t < tables.size(); t++) {
      out.write(string(tables.get(t).name()));
      out.write(": ");
      writeArray(tables.get(t), out);
      out.write(t + 1 < tables.size() ? ",\n" : "\n");
    }
    out.write("}\n");
  }

  private static void writeArray(Table table, Writer out) throws IOException {
    if (table.rows().isEmpty()) {
      out.write("[]");
      return;
    }
    out.write("[\n");
    List<String> cols = table.columns();
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < table.rows().size(); r++) {
      List<Object> row = table.rows().get(r);
      sb.setLength(0);
      sb.append('{');
      for (int i = 0; i < cols.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(string(cols.get(i))).append(':');
        Object cell = row.get(i);
        if (cell == null) {
          sb.append("null");
        } else if (cell instanceof CharSequence s) {
          sb.append(string(s.toString()));
        } else {
          sb.append(Table.number(cell));
        }
      }
      sb.append('}');
      if (r + 1 < table.rows().size()) {
        sb.append(',');
      }
      sb.append('\n');
      out.write(sb.toString());
    }
    out.write(']');
  }

  /** @return {@code s} as a JSON string literal */
  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
