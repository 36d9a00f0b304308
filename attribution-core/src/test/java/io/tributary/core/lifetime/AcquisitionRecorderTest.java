package io.tributary.core.lifetime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.journey.CustomerEvents;
import io.tributary.core.journey.Event;
import io.tributary.core.journey.Journey;
import io.tributary.core.journey.JourneyBuilder;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.journey.Touch;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.JourneyModel;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.Requirement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The recorder's ledger against a brute force: each drawn customer's journeys built as objects ({@link
 * JourneyBuilder#build(List)}), their purchases summarised by hand (days, same-day sums, repeats) and their first
 * converting journey weighed by each journey model directly. Recorded at each customer's end, and on a second thread
 * over more than two of its batches, with and without the aggregate's weights: every way gives the brute force's
 * buyers.
 */
class AcquisitionRecorderTest {
  private static final List<String> NAMES = List.of("display", "email", "search", "social");
  private static final long DAY = 86_400_000L;
  private static final long START = 1_704_067_200_000L; // 2024-01-01T00:00Z
  private static final int CUSTOMERS = 2 * AcquisitionRecorder.BATCH + 1_000;
  private static final List<AttributionModel> MODELS = ModelRegistry.resolve("all", ModelOptions.defaults(),
      EnumSet.allOf(Requirement.class));

  /* One drawn customer: the same events as objects and in columns. */
  private record Drawn(List<Event> events, CustomerEvents columns) {}

  private static List<Drawn> population() {
    Random random = new Random(20261205);
    List<Drawn> out = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      String id = "c" + i;
      List<Event> events = new ArrayList<>();
      CustomerEvents columns = new CustomerEvents(NAMES);
      int n = random.nextInt(12);
      long t = START + random.nextInt(30) * DAY;
      for (int k = 0; k < n; k++) {
        t += random.nextInt(4) == 0 ? random.nextInt(3_600_000) : random.nextInt(20) * DAY / 4;
        if (random.nextInt(4) == 0) {
          // A purchase: some worth nothing, some the same day as another.
          BigDecimal value = random.nextInt(6) == 0 ? BigDecimal.ZERO
              : BigDecimal.valueOf(100 + random.nextInt(20_000), 2);
          events.add(new Event(id, t, null, false, true, value, null));
          columns.add(t, CustomerEvents.NO_CHANNEL, false, true, value, null);
        } else {
          int c = random.nextInt(NAMES.size());
          events.add(new Event(id, t, NAMES.get(c), true, false, BigDecimal.ZERO, null));
          columns.add(t, c, true, false, null, null);
        }
      }
      out.add(new Drawn(events, columns));
    }
    return out;
  }

  /* The brute force's buyer. */
  private record Buyer(long firstDay, int[] repeatDays, int frequency, double recency, int valued, double mean,
      List<String> path, List<String> channels, double[][] weights) {}

  private static List<Buyer> bruteForce(List<Drawn> population, long[] lastEvent) {
    JourneyBuilder journeys = new JourneyBuilder(JourneyOptions.defaults());
    List<JourneyModel> journeyModels = new ArrayList<>();
    for (AttributionModel m : MODELS) {
      if (m instanceof JourneyModel jm) {
        journeyModels.add(jm);
      }
    }
    List<Buyer> out = new ArrayList<>();
    for (Drawn d : population) {
      if (d.events().isEmpty()) {
        continue;
      }
      TreeMap<Long, BigDecimal> byDay = new TreeMap<>();
      Journey acquisition = null;
      for (Journey j : journeys.build(d.events()).journeys()) {
        List<Touch> touches = j.touches();
        long last = touches.isEmpty() ? j.endTime()
            : Math.max(j.endTime(), touches.get(touches.size() - 1).timestamp());
        lastEvent[0] = Math.max(lastEvent[0], last);
        if (!j.converted()) {
          continue;
        }
        byDay.merge(Math.floorDiv(j.endTime(), DAY), j.value(), BigDecimal::add);
        acquisition = acquisition == null ? j : acquisition;
      }
      if (byDay.isEmpty()) {
        continue;
      }
      long first = byDay.firstKey();
      List<Integer> repeats = new ArrayList<>();
      int valued = 0;
      BigDecimal valuedSum = BigDecimal.ZERO;
      for (var e : byDay.tailMap(first, false).entrySet()) {
        repeats.add((int) (e.getKey() - first));
        if (e.getValue().signum() > 0) {
          valued++;
          valuedSum = valuedSum.add(e.getValue());
        }
      }
      int[] repeatDays = repeats.stream().mapToInt(Integer::intValue).toArray();
      List<String> path = null;
      List<String> channels = List.of();
      double[][] weights = new double[0][];
      if (!acquisition.touchless()) {
        path = acquisition.channels();
        channels = List.copyOf(new TreeSet<>(path));
        weights = new double[journeyModels.size()][channels.size()];
        for (int m = 0; m < journeyModels.size(); m++) {
          double[] w = journeyModels.get(m).weights(acquisition);
          for (int k = 0; k < w.length; k++) {
            weights[m][channels.indexOf(path.get(k))] += w[k];
          }
        }
      }
      out.add(new Buyer(first, repeatDays, repeatDays.length,
          repeatDays.length == 0 ? 0 : repeatDays[repeatDays.length - 1], valued,
          valued == 0 ? 0 : valuedSum.doubleValue() / valued, path, channels, weights));
    }
    return out;
  }

  private static LifetimeLedger record(List<Drawn> population, boolean secondThread, boolean weighWith) {
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), MODELS);
    AcquisitionRecorder recorder = new AcquisitionRecorder(MODELS, java.time.ZoneOffset.UTC);
    if (weighWith) {
      recorder.weighWith(b);
    }
    if (secondThread) {
      recorder.tallyOnSecondThread();
    }
    for (Drawn d : population) {
      recorder.startCustomer(d.columns().channelNames());
      b.addCustomer(d.columns(), recorder);
      recorder.endCustomer();
    }
    return recorder.build();
  }

  @Test
  void everyWay_recordsTheBruteForcesBuyers() {
    List<Drawn> population = population();
    long[] lastEvent = {Long.MIN_VALUE};
    List<Buyer> expected = bruteForce(population, lastEvent);
    assertTrue(expected.size() > AcquisitionRecorder.BATCH, "buyers over more than one batch: " + expected.size());
    assertTrue(expected.stream().anyMatch(e -> e.frequency() > 1 && e.valued() < e.frequency()),
        "some repeat purchases worth nothing");
    assertTrue(expected.stream().anyMatch(e -> e.path() == null), "some touchless first purchases");
    for (boolean secondThread : new boolean[] {false, true}) {
      for (boolean weighWith : new boolean[] {false, true}) {
        String way = (secondThread ? "second thread" : "at each end") + (weighWith ? ", aggregate's weights" : "");
        LifetimeLedger ledger = record(population, secondThread, weighWith);
        LifetimeTally t = LifetimeTally.of(ledger);
        assertEquals(lastEvent[0], ledger.lastEventMillis(), way);
        assertEquals(expected.size(), t.size(), way);
        for (int i = 0; i < expected.size(); i++) {
          Buyer e = expected.get(i);
          LifetimeTally.Purchases p = t.purchases(i);
          String at = way + ", buyer " + i;
          assertEquals(e.firstDay(), p.firstDay(), at);
          assertArrayEquals(e.repeatDays(), p.repeatDays(), at);
          assertEquals(e.frequency(), p.inDays().frequency(), at);
          assertEquals(e.recency(), p.inDays().recency(), at);
          assertEquals(e.valued(), p.inDays().valuedRepeats(), at);
          assertEquals(e.mean(), p.inDays().meanRepeatValue(), at);
          if (e.path() == null) {
            assertNull(t.acquisitionPath(i), at);
            continue;
          }
          assertEquals(e.path(), t.acquisitionPath(i).channels(), at);
          assertEquals(e.channels(), t.acquisitionChannels(i), at);
          for (int m = 0; m < e.weights().length; m++) {
            for (int k = 0; k < e.channels().size(); k++) {
              assertEquals(e.weights()[m][k], t.weight(i, m, k), at + ", model " + m + ", " + e.channels().get(k));
            }
          }
        }
      }
    }
  }

  @Test
  void secondThread_aFailureReachesBuild() {
    List<AttributionModel> linear = ModelRegistry.resolve("linear", ModelOptions.defaults(),
        EnumSet.allOf(Requirement.class));
    AcquisitionRecorder recorder = new AcquisitionRecorder(linear, java.time.ZoneOffset.UTC).tallyOnSecondThread();
    // A channel list that does not hold the ids handed over fails when the buyer is tallied, on the other thread.
    recorder.startCustomer(List.of());
    recorder.journey(new int[] {3}, new long[] {START}, 0, 1, true, BigDecimal.ONE, START);
    recorder.endCustomer();
    assertThrows(IndexOutOfBoundsException.class, recorder::build);
  }

  @Test
  void negativeValue_failsAtOnce() {
    AcquisitionRecorder recorder = new AcquisitionRecorder(MODELS, java.time.ZoneOffset.UTC).tallyOnSecondThread();
    recorder.startCustomer(NAMES);
    assertThrows(IllegalArgumentException.class,
        () -> recorder.journey(new int[0], new long[0], 0, 0, true, BigDecimal.valueOf(-1), START));
    recorder.cancel();
  }
}
