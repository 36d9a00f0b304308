package io.tributary.core.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityAndConsentTest {
  @Test
  void resolve_aliasChain_followsToTheEnd() {
    IdentityMap m = IdentityMap.of(Map.of("cookie1", "device9", "device9", "cust42"));
    assertEquals("cust42", m.resolve("cookie1"));
    assertEquals("cust42", m.resolve("device9"));
    assertEquals("cust42", m.resolve("cust42"));
    assertEquals("stranger", m.resolve("stranger"));
  }

  @Test
  void of_cycle_isRejectedNamingNoId() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IdentityMap.of(Map.of("a", "b", "b", "a")));
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
  }

  @Test
  void of_longCycle_isRejected() {
    Map<String, String> ring = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      ring.put("a" + i, "a" + (i + 1) % 1000);
    }
    ring.put("x", "a500");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdentityMap.of(ring));
    assertEquals("identity map has a cycle of aliases (an alias leads back to itself)", e.getMessage());
  }

  @Test
  void of_treesAndChains_resolveEveryAliasToItsRoot() {
    // Two chains joining (x1 -> x2 -> r, y1 -> x2) and a chain ending in a self-mapped id.
    IdentityMap m = IdentityMap.of(Map.of("x1", "x2", "x2", "r", "y1", "x2", "s1", "s2", "s2", "s2"));
    assertEquals(List.of("r", "r", "r", "s2", "s2", "r"),
        List.of("x1", "x2", "y1", "s1", "s2", "r").stream().map(m::resolve).toList());
    assertEquals(5, m.size());
  }

  /*
   * Issue 17: one chain a0 -> a1 -> ... -> aN (rows in any order) took time quadratic in N (39 s at 40,000 links).
   * Resolution must be linear: 100,000 links in well under a second on a laptop, and four times the links must cost
   * about four times the time, not sixteen (the bound of 10 leaves room for a noisy machine).
   */
  @Test
  void of_aliasChainOf100kLinks_resolvesInLinearTime() {
    assertTimeoutPreemptively(Duration.ofSeconds(30), IdentityAndConsentTest::timeChains);
  }

  private static void timeChains() {
    IdentityMap warm = IdentityMap.of(chain(25_000));
    assertEquals("a25000", warm.resolve("a0"));
    long small = bestOfThree(25_000);
    long large = bestOfThree(100_000);
    assertTrue(large < 10_000_000_000L, "100k links took " + large / 1_000_000 + " ms");
    assertTrue(large < 10 * small + 50_000_000L,
        "25k links " + small / 1_000_000 + " ms, 100k links " + large / 1_000_000 + " ms: not linear");
  }

  private static long bestOfThree(int links) {
    Map<String, String> pairs = chain(links);
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      IdentityMap m = IdentityMap.of(pairs);
      best = Math.min(best, System.nanoTime() - t0);
      assertEquals("a" + links, m.resolve("a0"));
      assertEquals("a" + links, m.resolve("a" + (links - 1)));
      assertEquals(links, m.size());
    }
    return best;
  }

  /* a0 -> a1 -> ... -> a{links}, in a HashMap, so walks start at aliases in no particular order along the chain. */
  private static Map<String, String> chain(int links) {
    Map<String, String> pairs = new HashMap<>();
    for (int i = 0; i < links; i++) {
      pairs.put("a" + i, "a" + (i + 1));
    }
    return pairs;
  }

  @Test
  void markMatches_countsListedIdsThatMatchNoEvent() {
    IdentityMap ids = IdentityMap.of(Map.of("device9", "cust42", "cookie1", "cust42"));
    // PII-1 is listed, pii-1 is on the events: ids match exactly, so it matches nothing (and drops nothing).
    ConsentList c = ConsentList.of(List.of("device9", "PII-1", "ghost", "cust7", "cust7"), ids);
    assertEquals(4, c.listed());
    java.util.BitSet matched = new java.util.BitSet();
    for (String[] event : new String[][] {{"cookie1", "cust42"}, {"pii-1", "pii-1"}, {"cust7", "cust7"}}) {
      String raw = event[0];
      String unified = ids.resolve(raw);
      assertEquals(unified, event[1]);
      if (c.excludes(raw, unified)) {
        c.markMatches(raw, unified, matched);
      }
    }
    assertFalse(c.excludes("pii-1", "pii-1"));
    assertEquals(2, c.unmatched(matched), "PII-1 and ghost match no event");
    // Marks merge by OR, in any order: two slices of the events give the same count as one.
    java.util.BitSet a = new java.util.BitSet();
    java.util.BitSet b = new java.util.BitSet();
    c.markMatches("cust7", "cust7", a);
    c.markMatches("cookie1", "cust42", b);
    a.or(b);
    assertEquals(matched, a);
    assertEquals(0, ConsentList.none().unmatched(new java.util.BitSet()));
  }

  @Test
  void of_selfMapping_isHarmless() {
    assertEquals("a", IdentityMap.of(Map.of("a", "a")).resolve("a"));
  }

  @Test
  void excludes_rawOrUnifiedIdListed_dropsTheEvent() {
    ConsentList c = ConsentList.of(List.of("cust42", "cookie7"));
    assertTrue(c.excludes("cookie1", "cust42"));
    assertTrue(c.excludes("cookie7", "cust1"));
    assertFalse(c.excludes("cookie1", "cust1"));
    assertFalse(ConsentList.none().excludes("cust42", "cust42"));
  }

  @Test
  void excludes_optOutListedUnderAnAlias_dropsEveryIdOfThatPerson() {
    IdentityMap ids = IdentityMap.of(Map.of("device9", "cust42", "cookie1", "cust42"));
    ConsentList c = ConsentList.of(List.of("device9"), ids);
    assertTrue(c.excludes("cust42", "cust42"), "rows carrying the customer id itself");
    assertTrue(c.excludes("cookie1", ids.resolve("cookie1")), "rows of another alias of the same person");
    assertFalse(c.excludes("cust7", "cust7"));
  }

  @Test
  void builder_aliasMappedToTwoCustomers_isRefusedNamingNoId() {
    IdentityMap.Builder b = IdentityMap.builder().add("dev1", "c1").add("dev1", "c1").add("dev2", "c1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add("dev1", "c2"));
    assertEquals("an alias maps to two different customer ids", e.getMessage());
    assertEquals(Map.of("dev1", "c1", "dev2", "c1"), b.pairs());
    assertEquals("c1", b.build().resolve("dev2"));
  }

  @Test
  void builder_aliasReadTwiceFromAFile_namesFileLineAndColumn() {
    IdentityMap.Builder b = IdentityMap.builder().add("ids.csv", 2, "dev1", "c1").add("ids.csv", 3, "dev1", "c1");
    io.tributary.core.InputException e = assertThrows(io.tributary.core.InputException.class,
        () -> b.add("ids.csv", 4, "dev1", "c3"));
    assertEquals("ids.csv:4: column alias_id: an alias maps to two different customer ids", e.getMessage());
    assertEquals(Map.of("dev1", "c1"), b.pairs());
  }
}
