package io.tributary.core.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.core.PathDataSet;
import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.metrics.SpendTable;
import io.tributary.core.model.AttributionModel;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelOptions;
import io.tributary.core.model.ModelRegistry;
import io.tributary.core.model.ModelResult;
import io.tributary.core.paths.PathCounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public ChannelAttribution {@code PathData} set (../shared/datasets/pathdata.csv), whose totals its README
 * states: 10,000 paths, 12 channels, 19,785 conversions, 68,602 nulls, value 74,802.972.
 */
class PathDataTest {
  @Test
  void pathData_everyModel_reconcilesWithThePublishedTotals() throws IOException {
    PathCounts pc = PathDataSet.readOrSkip();
    assertEquals(5_408, pc.size(), "10,000 rows, of which 5,408 distinct paths (repeated rows are summed)");
    assertEquals(19_785, pc.conversions());
    assertEquals(68_602, pc.nulls());
    assertEquals(0, new BigDecimal("74802.972").compareTo(pc.value().setScale(3, java.math.RoundingMode.HALF_EVEN)));

    List<AttributionModel> models = ModelRegistry.resolve("all", ModelOptions.defaults(), Set.of());
    AttributionReport report =
        AttributionReport.compute(JourneyAggregate.ofPaths(PathDataSet.FILE.toString(), pc), models, SpendTable.empty());
    for (ModelResult r : report.results()) {
      assertEquals(12, r.credits().size(), r.model());
      assertEquals(19_785, r.totalConversions(), 1e-6, r.model());
      assertEquals(pc.value().doubleValue(), r.totalValue(), 1e-9 * 74_802.972, r.model());
    }
    ConversionKpis k = report.kpis();
    assertEquals(19_785 + 68_602, k.journeys());
    assertEquals(19_785.0 / (19_785 + 68_602), k.conversionRate(), 1e-12);
  }
}
