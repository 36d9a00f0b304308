package io.tributary.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateRangeTest {
  @Test
  void instants_areTheZonesMidnights() {
    DateRange r = new DateRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), ZoneId.of("Europe/Paris"));
    // Paris is UTC+1 on 1 March and UTC+2 from 31 March 02:00 (summer time), so April starts at 22:00 UTC.
    assertEquals(Instant.parse("2024-02-29T23:00:00Z"), r.startInclusive());
    assertEquals(Instant.parse("2024-03-31T22:00:00Z"), r.endExclusive());
  }

  @Test
  void aDaylightSavingDay_hasItsOwnLength() {
    ZoneId ny = ZoneId.of("America/New_York");
    DateRange spring = new DateRange(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 10), ny);
    assertEquals(Duration.ofHours(23), Duration.between(spring.startInclusive(), spring.endExclusive()));
    DateRange fall = new DateRange(LocalDate.of(2024, 11, 3), LocalDate.of(2024, 11, 3), ny);
    assertEquals(Duration.ofHours(25), Duration.between(fall.startInclusive(), fall.endExclusive()));
  }

  @Test
  void endBeforeStart_isRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new DateRange(LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 1), ZoneId.of("UTC")));
  }
}
