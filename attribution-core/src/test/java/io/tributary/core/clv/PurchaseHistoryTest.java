package io.tributary.core.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.core.journey.CustomerEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary rules, worked by hand. */
class PurchaseHistoryTest {
  private static final LocalDate END = LocalDate.of(2024, 3, 31);

  private static PurchaseHistory history(Object... dayValue) {
    PurchaseHistory h = new PurchaseHistory();
    for (int i = 0; i < dayValue.length; i += 2) {
      h.add(LocalDate.parse((String) dayValue[i]), new BigDecimal((String) dayValue[i + 1]));
    }
    return h;
  }

  @Test
  void summary_handWorked_daysAndWeeks() {
    // First purchase Jan 1 (not a repeat); repeats Jan 15 and Feb 26; end Mar 31.
    // t_x = Jan 1 -> Feb 26 = 56 days; T = Jan 1 -> Mar 31 = 90 days (2024 is a leap year).
    PurchaseHistory h = history("2024-02-26", "30", "2024-01-01", "99", "2024-01-15", "10");
    assertEquals(new CustomerSummary(2, 56, 90, 2, 20), h.summary(END.toEpochDay(), ClvTimeUnit.DAY));
    assertEquals(new CustomerSummary(2, 8, 90 / 7.0, 2, 20), h.summary(END.toEpochDay(), ClvTimeUnit.WEEK));
  }

  @Test
  void summary_sameDay_onePurchaseValuesSummed() {
    PurchaseHistory h = history("2024-01-01", "5", "2024-01-01", "7", "2024-01-10", "4", "2024-01-10", "6");
    assertEquals(new CustomerSummary(1, 9, 90, 1, 10), h.summary(END.toEpochDay(), ClvTimeUnit.DAY));
  }

  @Test
  void summary_onlyFirstDay_noRepeat() {
    PurchaseHistory h = history("2024-01-01", "5", "2024-01-01", "7");
    assertEquals(new CustomerSummary(0, 0, 90, 0, 0), h.summary(END.toEpochDay(), ClvTimeUnit.DAY));
  }

  @Test
  void summary_afterCalibrationEnd_notUsedOrNull() {
    PurchaseHistory h = history("2024-01-01", "5", "2024-04-01", "7");
    assertEquals(new CustomerSummary(0, 0, 90, 0, 0), h.summary(END.toEpochDay(), ClvTimeUnit.DAY));
    assertNull(history("2024-04-02", "3").summary(END.toEpochDay(), ClvTimeUnit.DAY));
    // A first purchase on the end day: a customer of age 0.
    assertEquals(new CustomerSummary(0, 0, 0, 0, 0),
        history("2024-03-31", "3").summary(END.toEpochDay(), ClvTimeUnit.DAY));
  }

  @Test
  void summary_zeroValueRepeat_countedInXNotInValue() {
    // Jan 5 sums to 0 (a repeat without value); Jan 9 has a zero row and a paid row (a valued repeat).
    PurchaseHistory h = history("2024-01-01", "5", "2024-01-05", "0", "2024-01-09", "0", "2024-01-09", "8");
    CustomerSummary s = h.summary(END.toEpochDay(), ClvTimeUnit.DAY);
    assertEquals(new CustomerSummary(2, 8, 90, 1, 8), s);
    assertEquals(1, s.zeroValueRepeats());
  }

  @Test
  void add_negativeValue_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new PurchaseHistory().add(1L, new BigDecimal("-1")));
  }

  @Test
  void epochDay_zoneCalendar() {
    long instant = ZonedDateTime.of(2024, 1, 1, 23, 30, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
    assertEquals(LocalDate.of(2024, 1, 1).toEpochDay(), PurchaseHistory.epochDay(instant, ZoneOffset.UTC));
    assertEquals(LocalDate.of(2024, 1, 2).toEpochDay(), PurchaseHistory.epochDay(instant, ZoneId.of("Europe/Paris")));
    assertEquals(LocalDate.of(2024, 1, 2).toEpochDay(), PurchaseHistory.epochDay(instant, ZoneOffset.ofHours(1)));
    assertEquals(LocalDate.of(1969, 12, 31).toEpochDay(), PurchaseHistory.epochDay(-1, ZoneOffset.UTC));
  }

  @Test
  void addConversions_journeyRules_orderIdDuplicateIsOnePurchase() {
    CustomerEvents e = new CustomerEvents(List.of("email", "search"));
    long day = 86_400_000L;
    e.add(0, 1, true, false, null, null); // a touch: not a purchase
    e.add(day, CustomerEvents.NO_CHANNEL, false, true, new BigDecimal("10"), "o1");
    e.add(3 * day, 0, true, true, new BigDecimal("5"), null); // a converting touch row
    e.add(4 * day, CustomerEvents.NO_CHANNEL, false, true, new BigDecimal("10"), "o1"); // duplicate order id
    PurchaseHistory h = new PurchaseHistory();
    assertEquals(1, h.addConversions(e, ZoneOffset.UTC));
    assertEquals(2, h.size());
    assertEquals(new CustomerSummary(1, 2, 9, 1, 5), h.summary(10, ClvTimeUnit.DAY));
  }

  @Test
  void fromPurchases_byCustomer_defaultEndIsLastPurchase() {
    CustomerSummaries s = CustomerSummaries.fromPurchases(List.of(
        new Purchase("b", LocalDate.of(2024, 1, 10), BigDecimal.ONE),
        new Purchase("a", LocalDate.of(2024, 1, 1), BigDecimal.TEN),
        new Purchase("a", LocalDate.of(2024, 1, 8), BigDecimal.TEN)), ClvOptions.defaults().withTimeUnit(
            ClvTimeUnit.DAY));
    assertEquals(LocalDate.of(2024, 1, 10), s.calibrationEnd());
    assertEquals(List.of("a", "b"), List.copyOf(s.byCustomer().keySet()));
    assertEquals(new CustomerSummary(1, 7, 9, 1, 10), s.byCustomer().get("a"));
    assertEquals(new CustomerSummary(0, 0, 0, 0, 0), s.byCustomer().get("b"));
  }
}
