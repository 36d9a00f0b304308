package io.tributary.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded event log with every feature the journey rules care about: repeated channels, conversion rows and
 * conversion-only rows, duplicate order ids, touches outside the lookback, aliases that stitch to customers, and
 * opted-out customers.
 */
final class EventLogGenerator {
  static final String[] CHANNELS = {"direct", "display", "email", "paid_search", "social", "store", "video"};

  private EventLogGenerator() {}

  /** @return {events, identities, consent, spend} file lines */
  static List<List<String>> generate(long seed, int customers) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> events = new ArrayList<>(List.of(
        "customer_id,timestamp,channel,conversion,conversion_value,event_type,order_id"));
    List<String> ids = new ArrayList<>(List.of("alias_id,customer_id"));
    List<String> consent = new ArrayList<>(List.of("customer_id"));
    long start = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    for (int c = 0; c < customers; c++) {
      String id = String.format(Locale.ROOT, "u%05d", c);
      String alias = rnd.nextInt(5) == 0 ? "dev-" + id : null;
      if (alias != null) {
        ids.add(alias + "," + id);
      }
      if (rnd.nextInt(25) == 0) {
        // An opt-out recorded under an alias holds for the whole person.
        consent.add(alias != null && rnd.nextBoolean() ? alias : id);
      }
      int n = 1 + rnd.nextInt(8);
      long t = start + rnd.nextLong(60L * 86_400_000L);
      for (int i = 0; i < n; i++) {
        t += rnd.nextLong(12L * 86_400_000L);
        String who = alias != null && rnd.nextBoolean() ? alias : id;
        String channel = CHANNELS[rnd.nextInt(CHANNELS.length)];
        int kind = rnd.nextInt(10);
        String value = String.format(Locale.ROOT, "%d.%02d", 5 + rnd.nextInt(200), rnd.nextInt(100));
        String order = "o" + c + "-" + rnd.nextInt(3);
        if (kind == 0) {
          events.add(who + "," + Instant.ofEpochMilli(t) + ",,1," + value + ",conversion," + order);
        } else if (kind == 1) {
          events.add(who + "," + Instant.ofEpochMilli(t) + "," + channel + ",1," + value + ",touch," + order);
        } else {
          events.add(who + "," + t + "," + channel + ",0,,touch,");
        }
      }
    }
    List<String> spend = new ArrayList<>(List.of("date,channel,spend"));
    for (String ch : CHANNELS) {
      if (!ch.equals("direct")) {
        spend.add("2024-02-01," + ch + "," + (100 + rnd.nextInt(900)) + ".25");
      }
    }
    return List.of(events, ids, consent, spend);
  }
}
