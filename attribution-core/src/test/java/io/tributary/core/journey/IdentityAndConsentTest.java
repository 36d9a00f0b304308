package io.tributary.core.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
