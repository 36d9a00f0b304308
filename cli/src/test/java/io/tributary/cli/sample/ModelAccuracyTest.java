package io.tributary.cli.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.journey.Event;
import io.tributary.core.journey.JourneyOptions;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.ChannelCredit;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.ModelResult;
import io.tributary.core.model.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores every registered model against the known causal truth of a generated data set (50,000 customers, 60 days,
 * seed 42), through the core exactly as an engine runs it. Writes the table of docs/model-accuracy.md to
 * {@code target/model-accuracy.md}.
 */
class ModelAccuracyTest {
  static final long CUSTOMERS = 50_000;
  static final int DAYS = 60;
  static final long SEED = 42;

  @TempDir
  static Path tmp;

  private static Map<String, double[]> truth;
  private static Map<String, Score> scores;

  /** How far one model's shares are from the truth's. */
  record Score(String model, Map<String, Double> shares, double meanAbsoluteError, double maxAbsoluteError,
      String worstChannel, double spearman, String top) {}

  @BeforeAll
  static void fitEveryModel() throws IOException {
    Path dir = tmp.resolve("accuracy");
    SampleGenerator.generate(new SampleSpec(CUSTOMERS, DAYS, SEED, LocalDate.of(2024, 1, 1), false, true), dir);
    truth = SampleFiles.truth(dir);
    List<Event> events = SampleFiles.events(dir);
    Map<String, List<Event>> byCustomer =
        SampleFiles.byCustomer(events, SampleFiles.identities(dir), SampleFiles.consent(dir));
    List<AttributionModel> models =
        ModelRegistry.resolve("all", ModelOptions.defaults(), EnumSet.allOf(Requirement.class));
    JourneyAggregate.Builder b = JourneyAggregate.builder(JourneyOptions.defaults(), models);
    byCustomer.values().forEach(b::addCustomer);
    AttributionReport report = AttributionReport.compute(b.build(), models, SpendTable.empty());
    scores = new LinkedHashMap<>();
    for (ModelResult r : report.results()) {
      scores.put(r.model(), score(r));
    }
    String table = table();
    Path out = Path.of("target", "model-accuracy.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println(table);
  }

  private static Score score(ModelResult r) {
    double total = r.totalConversions();
    Map<String, Double> shares = new LinkedHashMap<>();
    double sumAbs = 0;
    double maxAbs = -1;
    String worst = null;
    for (Map.Entry<String, double[]> t : truth.entrySet()) {
      ChannelCredit c = r.credit(t.getKey());
      double share = c == null ? 0 : c.conversions() / total;
      shares.put(t.getKey(), share);
      double err = Math.abs(share - t.getValue()[1]);
      sumAbs += err;
      if (err > maxAbs) {
        maxAbs = err;
        worst = t.getKey();
      }
    }
    String top = shares.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    return new Score(r.model(), shares, sumAbs / truth.size(), maxAbs, worst,
        spearman(shares, truth), top);
  }

  /** Spearman's rank correlation of model shares and true shares (ties share their mean rank). */
  static double spearman(Map<String, Double> model, Map<String, double[]> truth) {
    List<String> channels = new ArrayList<>(truth.keySet());
    double[] a = ranks(channels.stream().mapToDouble(model::get).toArray());
    double[] b = ranks(channels.stream().mapToDouble(c -> truth.get(c)[1]).toArray());
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / a.length;
      mb += b[i] / b.length;
    }
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      cov += (a[i] - ma) * (b[i] - mb);
      va += (a[i] - ma) * (a[i] - ma);
      vb += (b[i] - mb) * (b[i] - mb);
    }
    return cov / Math.sqrt(va * vb);
  }

  static double[] ranks(double[] x) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int less = 0;
      int equal = 0;
      for (double y : x) {
        less += y < x[i] ? 1 : 0;
        equal += y == x[i] ? 1 : 0;
      }
      r[i] = less + (equal + 1) / 2.0;
    }
    return r;
  }

  private static String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| model | mean abs. share error | max abs. error (channel) | Spearman rank corr. | top channel |\n");
    sb.append("|---|---:|---:|---:|---|\n");
    for (Score s : scores.values()) {
      sb.append(String.format(Locale.ROOT, "| `%s` | %.4f | %.4f (%s) | %.3f | %s |%n", s.model(),
          s.meanAbsoluteError(), s.maxAbsoluteError(), s.worstChannel(), s.spearman(), s.top()));
    }
    sb.append("\nShares per channel (truth, then each model):\n\n| channel | truth |");
    scores.keySet().forEach(m -> sb.append(' ').append(m).append(" |"));
    sb.append("\n|---|---:|");
    scores.keySet().forEach(m -> sb.append("---:|"));
    sb.append('\n');
    for (Map.Entry<String, double[]> t : truth.entrySet()) {
      sb.append(String.format(Locale.ROOT, "| %s | %.3f |", t.getKey(), t.getValue()[1]));
      for (Score s : scores.values()) {
        sb.append(String.format(Locale.ROOT, " %.3f |", s.shares().get(t.getKey())));
      }
      sb.append('\n');
    }
    return sb.toString().replace("\r\n", "\n");
  }

  @Test
  void ranks_ties_shareTheirMeanRank() {
    double[] r = ranks(new double[] {0.5, 0.1, 0.5, 0.9});
    assertEquals(2.5, r[0]);
    assertEquals(1.0, r[1]);
    assertEquals(2.5, r[2]);
    assertEquals(4.0, r[3]);
  }

  @Test
  void fit_everyRegisteredModel_isScored() {
    assertEquals(ModelRegistry.names(), List.copyOf(scores.keySet()));
    for (Score s : scores.values()) {
      double sum = s.shares().values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(1.0, sum, 1e-9, s.model() + " credits only the data's channels");
    }
  }
}
