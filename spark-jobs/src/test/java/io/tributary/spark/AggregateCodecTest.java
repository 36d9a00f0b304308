package io.tributary.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.journey.Event;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.Requirement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AggregateCodecTest {
  @Test
  void decode_encodedAggregate_equalsOriginal() {
    ModelSpec spec = ModelSpec.defaults();
    JourneyAggregate.Builder b =
        JourneyAggregate.builder(spec.journeyOptions(), spec.resolve(Set.of(Requirement.TIMESTAMPS)));
    b.addCustomer(List.of(Event.touch("a", 0, "search"), Event.touch("a", 3_600_000, "email"),
        new Event("a", 7_200_000, "email", true, true, new BigDecimal("12.3400"), "o1"),
        Event.conversion("a", 7_200_001, new BigDecimal("1E+2"), "o1")));
    b.addCustomer(List.of(Event.conversion("b", 5, new BigDecimal("0.1"), null), Event.touch("b", 9, "söcial")));
    JourneyAggregate a = b.build();
    JourneyAggregate back = AggregateCodec.decode(AggregateCodec.encode(a));
    assertEquals(a, back);
    assertEquals(1, back.duplicateConversions());
    assertEquals(new BigDecimal("12.3400"), back.paths().value());
  }

  @Test
  void decode_emptyAggregate_equalsOriginal() {
    JourneyAggregate a = JourneyAggregate.ofPaths(PathRows.SETTINGS, io.tributary.core.paths.PathCounts.empty());
    assertEquals(a, AggregateCodec.decode(AggregateCodec.encode(a)));
  }
}
