package io.tributary.cli.sample;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a generated data set back the way an engine does: every event row through the core's {@link EventRowParser}
 * (which throws on the first bad row), aliases through {@link IdentityMap}.
 * The generated files hold no quotes and no commas inside fields, so splitting on commas is exact.
 */
final class SampleFiles {
  private SampleFiles() {}

  /** @return the data rows of a CSV file, split on commas, header dropped */
  static List<String[]> rows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String[]> out = new ArrayList<>(lines.size());
    for (String line : lines.subList(1, lines.size())) {
      out.add(line.split(",", -1));
    }
    return out;
  }

  /** @return the header fields of a CSV file */
  static List<String> header(Path file) throws IOException {
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return Arrays.asList(reader.readLine().split(",", -1));
    }
  }

  /** @return every event of {@code events.csv}, in file order, parsed by the core */
  static List<Event> events(Path dir) throws IOException {
    Path file = dir.resolve(SampleGenerator.EVENTS);
    Header header = EventRowParser.header(file.getFileName().toString(), header(file), ColumnMapping.none());
    EventRowParser parser = new EventRowParser(header, ColumnMapping.none(), ZoneOffset.UTC);
    List<Event> events = new ArrayList<>();
    long line = 1;
    for (String[] fields : rows(file)) {
      events.add(parser.parse(fields, ++line));
    }
    return events;
  }

  /** @return the identity map of {@code identities.csv} */
  static IdentityMap identities(Path dir) throws IOException {
    Map<String, String> map = new HashMap<>();
    for (String[] r : rows(dir.resolve(SampleGenerator.IDENTITIES))) {
      if (r.length != 2 || r[0].isEmpty() || r[1].isEmpty() || map.put(r[0], r[1]) != null) {
        throw new AssertionError("bad identity row " + String.join(",", r));
      }
    }
    return IdentityMap.of(map);
  }

  /** @return the ids listed in {@code consent.csv}, in file order */
  static List<String> consent(Path dir) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String[] r : rows(dir.resolve(SampleGenerator.CONSENT))) {
      if (r.length != 1 || r[0].isEmpty()) {
        throw new AssertionError("bad consent row " + String.join(",", r));
      }
      ids.add(r[0]);
    }
    return ids;
  }

  /**
   * Groups events by unified customer and drops every person with an opt-out under any of their ids: the listed ids
   * are resolved through the identity map first, so an opt-out recorded against a device also removes the rows that
   * carry the customer id (what the truth assumes, and what {@link ConsentList}'s contract promises).
   *
   * @return the events of each remaining customer, customers in order of first appearance
   */
  static Map<String, List<Event>> byCustomer(List<Event> events, IdentityMap identities, List<String> optedOut) {
    Set<String> excluded = new HashSet<>();
    for (String id : optedOut) {
      excluded.add(identities.resolve(id));
    }
    Map<String, List<Event>> out = new LinkedHashMap<>();
    for (Event e : events) {
      String id = identities.resolve(e.customerId());
      if (!excluded.contains(id)) {
        out.computeIfAbsent(id, k -> new ArrayList<>()).add(e.withCustomerId(id));
      }
    }
    return out;
  }

  /** @return the per-channel truth of {@code truth.csv}: channel → {incremental conversions, share} */
  static Map<String, double[]> truth(Path dir) throws IOException {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String[] r : rows(dir.resolve(SampleGenerator.TRUTH))) {
      out.put(r[0], new double[] {Double.parseDouble(r[4]), Double.parseDouble(r[6])});
    }
    return out;
  }
}
