package io.tributary.cli;

import java.util.SplittableRandom;

/** Seeded random event logs for command tests. */
final class RandomEvents {
  private RandomEvents() {}

  /**
   * @param customers how many customers
   * @param seed the seed
   * @param touchless whether to include conversion-only rows (which may become touchless conversions)
   * @return an event log CSV with 1 to 8 touches per customer over 5 channels, some converting
   */
  static String csv(int customers, long seed, boolean touchless) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("customer_id,timestamp,channel,conversion,conversion_value,event_type\n");
    long start = 1_709_251_200_000L; // 2024-03-01T00:00:00Z
    for (int c = 0; c < customers; c++) {
      int touches = 1 + rnd.nextInt(8);
      long t = start + rnd.nextLong(86_400_000L * 20);
      for (int k = 0; k < touches; k++) {
        t += rnd.nextLong(86_400_000L * 6);
        String channel = "c" + rnd.nextInt(5);
        boolean converts = rnd.nextInt(6) == 0;
        String value = converts ? (rnd.nextInt(20000) / 100.0 + "") : "";
        if (converts && touchless && rnd.nextBoolean()) {
          sb.append("u").append(c).append(',').append(t).append(',').append(channel).append(",0,,touch\n");
          t += rnd.nextLong(86_400_000L * 40);
          sb.append("u").append(c).append(',').append(t).append(",,1,").append(value).append(",conversion\n");
        } else {
          sb.append("u").append(c).append(',').append(t).append(',').append(channel).append(',')
              .append(converts ? 1 : 0).append(',').append(value).append(",touch\n");
        }
      }
    }
    return sb.toString();
  }
}
