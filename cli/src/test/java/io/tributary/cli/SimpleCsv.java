package io.tributary.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive reader of the command's CSV output for tests: split on commas, no quoting (the tests' channel
 * names hold none). Independent of the production reader, so a reader bug cannot hide a writer bug.
 */
final class SimpleCsv {
  private SimpleCsv() {}

  static List<Map<String, String>> parse(String text) {
    String[] lines = text.split("\n");
    String[] header = lines[0].split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      String[] f = lines[i].split(",", -1);
      if (f.length != header.length) {
        throw new AssertionError("line " + (i + 1) + " has " + f.length + " fields: " + lines[i]);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < header.length; k++) {
        row.put(header[k], f[k]);
      }
      rows.add(row);
    }
    return rows;
  }

  static List<Map<String, String>> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** @return the row of (model, channel) */
  static Map<String, String> row(List<Map<String, String>> rows, String model, String channel) {
    for (Map<String, String> r : rows) {
      if (r.get("model").equals(model) && r.get("channel").equals(channel)) {
        return r;
      }
    }
    throw new AssertionError("no row for " + model + "/" + channel + " in " + rows);
  }
}
