package io.tributary.cli.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.input.CanonicalTimestamps;
import io.tributary.core.input.Timestamps;
import java.time.ZoneId;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The core's CanonicalTimestamps fast path, which the CLI applies before the core's row parser, must agree with
 * Timestamps.parse on every string it accepts, and decline (not mis-read) everything else.
 */
class CanonicalTimestampsTest {
  private static final ZoneId[] ZONES = {ZoneId.of("UTC"), ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
    ZoneId.of("+05:30")};

  @Test
  void parse_randomCanonicalAndNearMissStrings_agreesWithTimestampsOrDeclines() {
    SplittableRandom rnd = new SplittableRandom(99);
    int accepted = 0;
    for (int i = 0; i < 200_000; i++) {
      String s = String.format(Locale.ROOT, "%04d-%02d-%02d%s%02d:%02d:%02d", 1890 + rnd.nextInt(320),
          rnd.nextInt(14), rnd.nextInt(33), rnd.nextBoolean() ? "T" : " ", rnd.nextInt(25), rnd.nextInt(61),
          rnd.nextInt(61));
      int f = rnd.nextInt(11);
      if (f > 0) {
        StringBuilder frac = new StringBuilder(".");
        for (int k = 0; k < f; k++) {
          frac.append((char) ('0' + rnd.nextInt(10)));
        }
        s += frac;
      }
      if (rnd.nextBoolean()) {
        s += "Z";
      }
      if (rnd.nextInt(20) == 0) {
        // Near misses: a letter, a missing digit, a stray character.
        int at = rnd.nextInt(s.length());
        s = s.substring(0, at) + "xz9 ".charAt(rnd.nextInt(4)) + s.substring(at + 1);
      }
      ZoneId zone = ZONES[rnd.nextInt(ZONES.length)];
      long fast = CanonicalTimestamps.parse(s, zone);
      // The byte entry reads the same cell inside a row, as the CLI's byte reader hands it over.
      byte[] row = ("c1," + s + ",email").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int to = row.length - ",email".length();
      if (to - 3 >= 19) {
        assertEquals(fast, CanonicalTimestamps.parse(row, 3, to, zone), s);
      }
      if (fast == CanonicalTimestamps.NOT_CANONICAL) {
        continue;
      }
      accepted++;
      assertEquals(Timestamps.parse(s, zone), fast, s + " in " + zone);
    }
    assertEquals(true, accepted > 50_000, "accepted " + accepted);
  }

  /*
   * The month memory of a reading thread must change no answer: one Months read through random timestamps of a few
   * months (so they repeat and share slots), impossible days of a remembered month and near misses, each compared
   * with the memoryless parse of the same bytes.
   */
  @Test
  void parseOutsideGaps_withMonthMemory_sameAnswersAsWithout() {
    SplittableRandom rnd = new SplittableRandom(7);
    CanonicalTimestamps.Months months = new CanonicalTimestamps.Months();
    for (ZoneId zone : ZONES) {
      int accepted = 0;
      for (int i = 0; i < 100_000; i++) {
        String s = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%s", 2023 + rnd.nextInt(3),
            rnd.nextInt(40) == 0 ? rnd.nextInt(14) : 1 + rnd.nextInt(12), rnd.nextInt(33), rnd.nextInt(25),
            rnd.nextInt(61), rnd.nextInt(61), rnd.nextBoolean() ? "Z" : ".25");
        if (rnd.nextInt(30) == 0) {
          int at = rnd.nextInt(s.length());
          s = s.substring(0, at) + "x-9 ".charAt(rnd.nextInt(4)) + s.substring(at + 1);
        }
        byte[] row = ("c1," + s + ",email").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int to = row.length - ",email".length();
        long want = CanonicalTimestamps.parseOutsideGaps(row, 3, to, zone);
        assertEquals(want, CanonicalTimestamps.parseOutsideGaps(row, 3, to, zone, months), s + " in " + zone);
        if (want != CanonicalTimestamps.NOT_CANONICAL) {
          accepted++;
        }
      }
      assertEquals(true, accepted > 50_000, "accepted " + accepted);
    }
  }

  @Test
  void parse_dstGapAndOverlapInZone_agreeWithTimestamps() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    for (String s : new String[] {"2024-03-31 02:30:00", "2024-10-27 02:30:00", "2024-10-27T02:30:00.5"}) {
      assertEquals(Timestamps.parse(s, paris), CanonicalTimestamps.parse(s, paris), s);
    }
  }

  @Test
  void parse_otherForms_declined() {
    ZoneId utc = ZoneId.of("UTC");
    for (String s : new String[] {"1709251200000", "2024-03-01", "2024-03-01T10:15:00+02:00", "2024-03-01T10:15Z",
        " 2024-03-01T10:15:00Z", "2024-03-01t10:15:00z", "2024-02-30T00:00:00Z", "2200-01-02T00:00:00Z"}) {
      assertEquals(CanonicalTimestamps.NOT_CANONICAL, CanonicalTimestamps.parse(s, utc), s);
    }
  }
}
