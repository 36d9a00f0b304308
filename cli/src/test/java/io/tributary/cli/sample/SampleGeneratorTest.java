package io.tributary.cli.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.input.ColumnMapping;
import io.tributary.core.input.SpendRowParser;
import io.tributary.core.journey.ConsentList;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.IdentityMap;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.model.JourneyAggregate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final int DAYS = 60;
  private static final long DAY = 86_400_000L;

  @TempDir
  static Path shared;

  private static Path dir;
  private static SampleSummary summary;
  private static List<Event> events;
  private static List<String[]> rawEvents;

  @BeforeAll
  static void generateOnce() throws IOException {
    dir = shared.resolve("s3000");
    summary = SampleGenerator.generate(new SampleSpec(3000, DAYS, 42, START, false, true), dir);
    events = SampleFiles.events(dir);
    rawEvents = SampleFiles.rows(dir.resolve(SampleGenerator.EVENTS));
  }

  private static SampleSummary generate(Path into, long customers, long seed, boolean gzip) throws IOException {
    return SampleGenerator.generate(new SampleSpec(customers, 30, seed, START, gzip, true), into);
  }

  @Test
  void generate_sameSpecTwice_byteIdenticalFiles(@TempDir Path tmp) throws IOException {
    SampleSummary a = generate(tmp.resolve("a"), 300, 9, false);
    generate(tmp.resolve("b"), 300, 9, false);
    assertEquals(6, a.files().size());
    for (Path f : a.files()) {
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(tmp.resolve("b").resolve(f.getFileName())),
          f.getFileName().toString());
    }
  }

  @Test
  void generate_gzip_decompressesToThePlainFileAndIsReproducible(@TempDir Path tmp) throws IOException {
    generate(tmp.resolve("plain"), 200, 3, false);
    generate(tmp.resolve("gz1"), 200, 3, true);
    generate(tmp.resolve("gz2"), 200, 3, true);
    Path gz = tmp.resolve("gz1").resolve(SampleGenerator.EVENTS + ".gz");
    assertFalse(Files.exists(tmp.resolve("gz1").resolve(SampleGenerator.EVENTS)));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("plain").resolve(SampleGenerator.EVENTS)), in.readAllBytes());
    }
    assertArrayEquals(Files.readAllBytes(gz),
        Files.readAllBytes(tmp.resolve("gz2").resolve(SampleGenerator.EVENTS + ".gz")));
  }

  @Test
  void generate_otherSeed_otherEvents(@TempDir Path tmp) throws IOException {
    generate(tmp.resolve("a"), 100, 1, false);
    generate(tmp.resolve("b"), 100, 2, false);
    assertNotEquals(Files.readString(tmp.resolve("a").resolve(SampleGenerator.EVENTS)),
        Files.readString(tmp.resolve("b").resolve(SampleGenerator.EVENTS)));
  }

  @Test
  void generate_moreCustomers_firstCustomersUnchanged(@TempDir Path tmp) throws IOException {
    generate(tmp.resolve("a"), 100, 5, false);
    generate(tmp.resolve("b"), 250, 5, false);
    String small = Files.readString(tmp.resolve("a").resolve(SampleGenerator.EVENTS));
    String large = Files.readString(tmp.resolve("b").resolve(SampleGenerator.EVENTS));
    assertTrue(large.startsWith(small), "customer i must not depend on the number of customers");
    assertTrue(large.length() > small.length());
  }

  @Test
  void generate_events_everyRowParsesAndEveryKindOfRowOccurs() {
    assertEquals(summary.eventRows(), events.size());
    Set<String> channels = new TreeSet<>();
    int touchRowConversions = 0;
    int conversionOnlyRows = 0;
    for (Event e : events) {
      if (e.channel() != null) {
        channels.add(e.channel());
      }
      if (e.conversion()) {
        assertTrue(e.value().signum() > 0, "every purchase has a value");
        assertTrue(e.orderId() != null && e.orderId().startsWith("ord-"));
        if (e.touch()) {
          touchRowConversions++;
        } else {
          conversionOnlyRows++;
        }
      }
    }
    Set<String> all = new TreeSet<>();
    SampleChannel.all().forEach(c -> all.add(c.wireName()));
    assertEquals(all, channels);
    assertTrue(touchRowConversions > 50, "touch rows with conversion = 1: " + touchRowConversions);
    assertTrue(conversionOnlyRows > 50, "conversion-only rows: " + conversionOnlyRows);
  }

  @Test
  void generate_events_touchesInsidePeriodAndInTimeOrderPerCustomer() {
    IdentityMap ids = identities();
    Map<String, Long> last = new HashMap<>();
    long start = START.toEpochDay() * DAY;
    for (Event e : events) {
      if (!e.touch()) {
        continue;
      }
      assertTrue(e.timestamp() >= start && e.timestamp() < start + DAYS * DAY, "outside period: " + e);
      String who = ids.resolve(e.customerId());
      Long previous = last.put(who, e.timestamp());
      assertTrue(previous == null || previous < e.timestamp(), "touches of " + who + " out of order");
    }
  }

  @Test
  void generate_journeys_reconcileWithDrawnConversionsAndDuplicates() {
    Map<String, List<Event>> byCustomer = SampleFiles.byCustomer(events, identities(), List.of());
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), List.of());
    int repeatBuyers = 0;
    for (List<Event> es : byCustomer.values()) {
      b.addCustomer(es);
      Set<String> orders = new HashSet<>();
      es.stream().filter(Event::conversion).forEach(e -> orders.add(e.orderId()));
      repeatBuyers += orders.size() >= 2 ? 1 : 0;
    }
    JourneyAggregate agg = b.build();
    long orderRows = 0;
    Set<String> distinctOrders = new HashSet<>();
    for (String[] r : rawEvents) {
      if (!r[8].isEmpty()) {
        orderRows++;
        distinctOrders.add(r[8]);
      }
    }
    assertEquals(summary.conversions(), distinctOrders.size());
    assertEquals(summary.conversions(), agg.totalConversions(), "every drawn purchase closes one journey");
    // Repeat purchases of the lifetime process follow no touch of their own; every other purchase follows its touch.
    JourneyAggregate.Builder touchDecided = JourneyAggregate.builder(JourneyOptions.defaults(), List.of());
    for (List<Event> es : byCustomer.values()) {
      touchDecided.addCustomer(es.stream().filter(e -> !isRepeat(e)).toList());
    }
    JourneyAggregate withoutRepeats = touchDecided.build();
    assertEquals(summary.conversions() - summary.repeatPurchases(), withoutRepeats.totalConversions());
    assertEquals(0, withoutRepeats.touchlessConversions(), "every purchase decided at a touch follows its touch");
    assertEquals(summary.repeatPurchases(), events.stream().filter(SampleGeneratorTest::isRepeat).count());
    assertTrue(summary.repeatPurchases() > 100, "repeat purchases: " + summary.repeatPurchases());
    assertEquals(orderRows - distinctOrders.size(), agg.duplicateConversions());
    assertTrue(agg.duplicateConversions() > 0, "some order ids are reported twice");
    assertTrue(repeatBuyers > 10, "repeat buyers: " + repeatBuyers);
  }

  @Test
  void generate_identities_everyAliasStitchedAndCustomersContiguous() throws IOException {
    IdentityMap ids = identities();
    Set<String> aliasesUsed = new HashSet<>();
    String previous = "";
    for (Event e : events) {
      if (!isCustomerId(e.customerId())) {
        aliasesUsed.add(e.customerId());
        assertNotEquals(e.customerId(), ids.resolve(e.customerId()), "unstitched alias " + e.customerId());
      }
      String who = ids.resolve(e.customerId());
      assertTrue(isCustomerId(who), who);
      assertTrue(who.compareTo(previous) >= 0, "customer blocks are contiguous, in id order");
      previous = who;
    }
    Set<String> listed = new HashSet<>();
    SampleFiles.rows(dir.resolve(SampleGenerator.IDENTITIES)).forEach(r -> listed.add(r[0]));
    assertTrue(aliasesUsed.equals(listed), "aliases used " + aliasesUsed.size() + ", listed " + listed.size());
    assertTrue(listed.stream().anyMatch(a -> a.startsWith("dev-")));
    assertTrue(listed.stream().anyMatch(a -> a.startsWith("card-")));
  }

  @Test
  void generate_consent_listsKnownIdsSomeUnderAnAlias() throws IOException {
    List<String> optedOut = SampleFiles.consent(dir);
    ConsentList.of(optedOut);
    Set<String> known = new HashSet<>();
    IdentityMap ids = identities();
    events.forEach(e -> {
      known.add(e.customerId());
      known.add(ids.resolve(e.customerId())); // a customer seen only through aliases can still opt out
    });
    assertTrue(known.containsAll(optedOut));
    // about 2 % of 3000
    assertTrue(optedOut.size() > 30 && optedOut.size() < 100, "opt-outs: " + optedOut.size());
    assertTrue(optedOut.stream().anyMatch(id -> !isCustomerId(id)), "some opt-outs are under an alias");
  }

  @Test
  void generate_spend_isEveryTouchTimesItsCostPerDay() throws IOException {
    Path file = dir.resolve(SampleGenerator.SPEND);
    // Read at campaign level: one row per day and campaign of a paid channel; a channel's day is the sum of its rows.
    SpendRowParser parser = new SpendRowParser(
        SpendRowParser.header("spend.csv", SampleFiles.header(file), ColumnMapping.none()), ColumnMapping.none(),
        io.tributary.core.journey.TouchpointLevel.CHANNEL_CAMPAIGN);
    Map<String, Long> fromFile = new TreeMap<>();
    Map<String, Long> byCampaign = new TreeMap<>();
    long line = 1;
    for (String[] r : SampleFiles.rows(file)) {
      SpendRowParser.Row row = parser.parse(r, ++line);
      long cents = row.spend().movePointRight(2).longValueExact();
      assertTrue(byCampaign.put(row.date() + "/" + row.channel() + "/" + row.campaign(), cents) == null);
      fromFile.merge(row.date() + "/" + row.channel(), cents, Long::sum);
    }
    long paid = SampleChannel.all().stream().filter(SampleChannel::paid).count();
    assertEquals(DAYS * paid, fromFile.size(), "every day, every paid channel");
    long campaigns = SampleChannel.all().stream().filter(SampleChannel::paid).mapToLong(c -> c.campaigns().size())
        .sum();
    assertEquals(DAYS * campaigns, byCampaign.size(), "every day, every campaign of a paid channel");
    // Each campaign's day: its touches in events.csv (the campaign column, read raw) times the channel's cost.
    Map<String, Long> campaignRecount = new TreeMap<>();
    byCampaign.keySet().forEach(k -> campaignRecount.put(k, 0L));
    for (String[] r : SampleFiles.rows(dir.resolve(SampleGenerator.EVENTS))) {
      if (r[5].equals("touch") && channel(r[2]).paid()) {
        String day = LocalDate.ofEpochDay(Math.floorDiv(java.time.Instant.parse(r[1]).toEpochMilli(), DAY))
            .toString();
        campaignRecount.merge(day + "/" + r[2] + "/" + r[6], channel(r[2]).costCents(), Long::sum);
      }
    }
    assertEquals(campaignRecount, byCampaign);
    Map<String, Long> recount = new TreeMap<>();
    fromFile.keySet().forEach(k -> recount.put(k, 0L));
    for (Event e : events) {
      if (e.touch()) {
        SampleChannel c = channel(e.channel());
        if (c.paid()) {
          String key = LocalDate.ofEpochDay(Math.floorDiv(e.timestamp(), DAY)) + "/" + e.channel();
          recount.merge(key, c.costCents(), Long::sum);
        }
      }
    }
    assertEquals(recount, fromFile);
  }

  @Test
  void generate_truth_drawnConversionsAgreeWithTheExpectation() throws IOException {
    Map<String, double[]> truth = SampleFiles.truth(dir);
    assertEquals(SampleChannel.all().size(), truth.size());
    List<String[]> rows = SampleFiles.rows(dir.resolve(SampleGenerator.TRUTH));
    double expectedTotal = Double.parseDouble(rows.get(0)[3]);
    assertEquals(summary.expectedConversions(), expectedTotal, 1e-5);
    long drawn = 0;
    for (List<Event> es : SampleFiles.byCustomer(events, identities(), SampleFiles.consent(dir)).values()) {
      Set<String> orders = new HashSet<>();
      es.stream().filter(e -> e.conversion() && !isRepeat(e)).forEach(e -> orders.add(e.orderId()));
      drawn += orders.size();
    }
    // Purchases are sums of many small Bernoulli draws: the variance is below the mean.
    assertEquals(expectedTotal, drawn, 4 * Math.sqrt(expectedTotal), "drawn " + drawn);
    double incremental = 0;
    double shares = 0;
    for (Map.Entry<String, double[]> e : truth.entrySet()) {
      assertTrue(e.getValue()[0] >= 0, e.getKey());
      incremental += e.getValue()[0];
      shares += e.getValue()[1];
    }
    assertTrue(incremental < expectedTotal, "the base propensity buys some purchases without any channel");
    assertEquals(1.0, shares, 1e-5);
    assertEquals(0.0, truth.get("direct")[0], "direct has no lift");
    String strongest = truth.entrySet().stream().max(Map.Entry.comparingByValue(
        (a, b) -> Double.compare(a[0], b[0]))).orElseThrow().getKey();
    assertEquals("paid_search", strongest);
  }

  /** A repeat purchase of the lifetime process: order id {@code ord-<number>-r<n>}. */
  static boolean isRepeat(Event e) {
    return e.conversion() && e.orderId().matches("ord-\\d+-r\\d+");
  }

  private static boolean isCustomerId(String id) {
    return id.matches("c\\d{6}");
  }

  private static IdentityMap identities() {
    try {
      return SampleFiles.identities(dir);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static SampleChannel channel(String name) {
    List<SampleChannel> match = new ArrayList<>();
    SampleChannel.all().stream().filter(c -> c.wireName().equals(name)).forEach(match::add);
    assertEquals(1, match.size(), name);
    return match.get(0);
  }
}
