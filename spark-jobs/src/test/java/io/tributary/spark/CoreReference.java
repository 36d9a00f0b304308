package io.tributary.spark;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.EventRowParser;
import io.tributary.core.input.Header;
import io.tributary.core.input.SpendRowParser;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.options.RunOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report computed in this JVM, without Spark: files read line by line (they hold no quoted fields), rows through
 * the core's parsers, one customer at a time through the core's fold, the report by the core. What the Spark job must
 * equal.
 */
final class CoreReference {
  private CoreReference() {}

  static AttributionReport compute(String events, String spend, String identities, String consent,
      List<AttributionModel> models, RunOptions spec) {
    ColumnMapping none = ColumnMapping.none();
    List<String[]> rows = rows(events);
    Header h = EventRowParser.header(events, Arrays.asList(rows.get(0)), none);
    EventRowParser parser = new EventRowParser(h, none, ZoneOffset.UTC);
    Map<String, String> aliases = new HashMap<>();
    if (identities != null) {
      for (String[] r : rows(identities).subList(1, rows(identities).size())) {
        aliases.put(r[0].strip(), r[1].strip());
      }
    }
    IdentityMap ids = IdentityMap.of(aliases);
    List<String> optedOut = new ArrayList<>();
    if (consent != null) {
      rows(consent).stream().skip(1).forEach(r -> optedOut.add(r[0].strip()));
    }
    ConsentList consentList = ConsentList.of(optedOut, ids);
    TreeMap<String, List<Event>> byCustomer = new TreeMap<>();
    for (int i = 1; i < rows.size(); i++) {
      Event e = parser.parse(rows.get(i), i + 1);
      String unified = ids.resolve(e.customerId());
      if (!consentList.excludes(e.customerId(), unified)) {
        byCustomer.computeIfAbsent(unified, k -> new ArrayList<>()).add(e.withCustomerId(unified));
      }
    }
    JourneyAggregate.Builder b = JourneyAggregate.builder(spec.journeyOptions(), models);
    byCustomer.values().forEach(b::addCustomer);
    SpendTable.Builder s = SpendTable.builder();
    if (spend != null) {
      List<String[]> spendRows = rows(spend);
      SpendRowParser sp = new SpendRowParser(SpendRowParser.header(spend, Arrays.asList(spendRows.get(0)), none),
          none);
      for (int i = 1; i < spendRows.size(); i++) {
        SpendRowParser.Row r = sp.parse(spendRows.get(i), i + 1);
        s.add(r.channel(), r.spend());
      }
    }
    return AttributionReport.compute(b.build(), models, s.build());
  }

  private static List<String[]> rows(String file) {
    try {
      List<String[]> out = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
        if (!line.isEmpty()) {
          out.add(line.split(",", -1));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
