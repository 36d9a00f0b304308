package io.tributary.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.ErrorClass;
import io.tributary.core.TributaryException;
import io.tributary.core.journey.Event;
import io.tributary.core.options.RunOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The aggregate's binary form: exact round trips, merge after decoding, and a refusal of another format version. */
class AggregateCodecTest {
  @Test
  void decode_otherVersion_refusedAsAFailureNamingBothVersions() {
    byte[] bytes = AggregateCodec.encode(JourneyAggregate.ofPaths("p", io.tributary.core.paths.PathCounts.empty()));
    bytes[3] = (byte) (AggregateCodec.VERSION + 1); // the version is the first int, big-endian
    TributaryException e = assertThrows(TributaryException.class, () -> AggregateCodec.decode(bytes));
    assertEquals(ErrorClass.FAILURE, e.errorClass());
    assertTrue(e.getMessage().contains("format version " + (AggregateCodec.VERSION + 1))
        && e.getMessage().contains("reads version " + AggregateCodec.VERSION), e.getMessage());
  }

  @Test
  void decode_encodedAggregate_equalsOriginal() {
    RunOptions spec = RunOptions.defaults();
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
    JourneyAggregate a = JourneyAggregate.ofPaths("paths", io.tributary.core.paths.PathCounts.empty());
    assertEquals(a, AggregateCodec.decode(AggregateCodec.encode(a)));
  }

  @Test
  void decode_slicesWithDifferentChannels_mergeAsTheOriginals() {
    RunOptions spec = RunOptions.defaults();
    java.util.Random rnd = new java.util.Random(7);
    List<JourneyAggregate> slices = new java.util.ArrayList<>();
    for (int slice = 0; slice < 3; slice++) {
      JourneyAggregate.Builder b =
          JourneyAggregate.builder(spec.journeyOptions(), spec.resolve(Set.of(Requirement.TIMESTAMPS)));
      // Each slice sees its own subset of channels, so their dictionaries differ in size and order of ids.
      List<String> channels = List.of("zeta", "alpha", "mid", "beta", "ω").subList(slice, slice + 3);
      for (int c = 0; c < 200; c++) {
        List<Event> events = new java.util.ArrayList<>();
        long t = 0;
        for (int e = 1 + rnd.nextInt(6); e > 0; e--) {
          t += rnd.nextInt(5_000_000);
          events.add(rnd.nextInt(4) == 0
              ? new Event("s" + slice + "c" + c, t, channels.get(rnd.nextInt(3)), true, true,
                  new BigDecimal(rnd.nextInt(10_000)).movePointLeft(2), null)
              : Event.touch("s" + slice + "c" + c, t, channels.get(rnd.nextInt(3))));
        }
        b.addCustomer(events);
      }
      slices.add(b.build());
    }
    JourneyAggregate direct = slices.get(0).merge(slices.get(1)).merge(slices.get(2));
    JourneyAggregate shipped = AggregateCodec.decode(AggregateCodec.encode(slices.get(2)))
        .merge(AggregateCodec.decode(AggregateCodec.encode(slices.get(0))))
        .merge(AggregateCodec.decode(AggregateCodec.encode(slices.get(1))));
    assertEquals(direct, shipped);
    assertEquals(direct.paths().byPath(), shipped.paths().byPath());
  }

  @Test
  void decodeMerged_equalsThePairwiseMergeOfTheDecodedSlices_valuesMissingFromSomeSlices() {
    // Three slices of segmented journeys: each slice has its own channels and its own subset of segment values
    // (non-ASCII among them), so the merged decode meets values in one, two or all three payloads.
    List<io.tributary.core.segment.SegmentedAggregate> slices = new java.util.ArrayList<>();
    java.util.Random rnd = new java.util.Random(11);
    List<String> regions = List.of("north", "süd", "east", "west");
    for (int slice = 0; slice < 3; slice++) {
      java.util.TreeMap<String, JourneyAggregate> byRegion = new java.util.TreeMap<>();
      java.util.TreeMap<String, JourneyAggregate> byTier = new java.util.TreeMap<>();
      JourneyAggregate all = null;
      for (String region : regions.subList(slice, slice + 2)) {
        JourneyAggregate a = randomSlice(rnd, slice, region);
        byRegion.put(region, a);
        byTier.merge(rnd.nextBoolean() ? "gold" : "silver", a, JourneyAggregate::merge);
        all = all == null ? a : all.merge(a);
      }
      slices.add(new io.tributary.core.segment.SegmentedAggregate(all, List.of("region", "tier"),
          List.of(byRegion, byTier)));
    }
    io.tributary.core.segment.SegmentedAggregate direct = slices.get(0).merge(slices.get(1)).merge(slices.get(2));
    io.tributary.core.segment.SegmentedAggregate merged = AggregateCodec.decodeMerged(List.of(
        AggregateCodec.encode(slices.get(2)), AggregateCodec.encode(slices.get(0)),
        AggregateCodec.encode(slices.get(1))));
    assertEquals(direct, merged);
    assertEquals(List.of("east", "north", "süd", "west"), List.copyOf(merged.byValue().get(0).keySet()));
    // One payload: the plain decode, the exact inverse of encode.
    assertEquals(slices.get(1), AggregateCodec.decodeSegmented(AggregateCodec.encode(slices.get(1))));
  }

  @Test
  void decodeMerged_differentSegments_refused() {
    JourneyAggregate a = JourneyAggregate.ofPaths("p", io.tributary.core.paths.PathCounts.empty());
    byte[] region = AggregateCodec.encode(new io.tributary.core.segment.SegmentedAggregate(a, List.of("region"),
        List.of(new java.util.TreeMap<>(java.util.Map.of("north", a)))));
    byte[] plain = AggregateCodec.encode(a);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AggregateCodec.decodeMerged(List.of(region, plain)));
    assertTrue(e.getMessage().contains("different segments"), e.getMessage());
  }

  private static JourneyAggregate randomSlice(java.util.Random rnd, int slice, String region) {
    RunOptions spec = RunOptions.defaults();
    JourneyAggregate.Builder b =
        JourneyAggregate.builder(spec.journeyOptions(), spec.resolve(Set.of(Requirement.TIMESTAMPS)));
    List<String> channels = List.of("zeta", "alpha", "mid", "beta", "ω").subList(slice, slice + 3);
    for (int c = 0; c < 100; c++) {
      List<Event> events = new java.util.ArrayList<>();
      long t = 0;
      for (int e = 1 + rnd.nextInt(6); e > 0; e--) {
        t += rnd.nextInt(5_000_000);
        String id = region + slice + "c" + c;
        events.add(rnd.nextInt(4) == 0
            ? new Event(id, t, channels.get(rnd.nextInt(3)), true, true,
                new BigDecimal(rnd.nextInt(10_000)).movePointLeft(2), rnd.nextInt(10) == 0 ? "o" + c : null)
            : Event.touch(id, t, channels.get(rnd.nextInt(3))));
      }
      b.addCustomer(events);
    }
    return b.build();
  }
}
