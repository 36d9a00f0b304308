package io.tributary.spark;

import io.tributary.core.journey.IdentityMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;

/**
 * The identity map on an executor: resolved from the broadcast alias pairs once per JVM and broadcast, not once per
 * task, since resolving chains touches every alias.
 */
final class Identities {
  private static long cachedId = -1;
  private static IdentityMap cached;

  private Identities() {}

  static synchronized IdentityMap resolved(Broadcast<Map<String, String>> pairs) {
    if (cached == null || cachedId != pairs.id()) {
      cached = IdentityMap.of(pairs.value());
      cachedId = pairs.id();
    }
    return cached;
  }
}
