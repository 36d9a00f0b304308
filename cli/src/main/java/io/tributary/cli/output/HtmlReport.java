package io.tributary.cli.output;

import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.metrics.PathSummaryRow;
import io.tributary.core.model.ModelResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One self-contained HTML page: KPI summary, a grouped bar chart comparing the models per channel (inline SVG), ROAS
 * and ROI per channel when spend was given, the top paths and the settings used. No script, no stylesheet or font from
 * the network: it opens offline and prints as it shows. The page holds no clock time, so the same run gives the same
 * bytes.
 */
public final class HtmlReport {
  /* Colour-blind-safe palette (Okabe & Ito, 2008), one colour per model in output order. */
  private static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
    "#F0E442", "#000000", "#999999", "#7F3C8D"};
  private static final int TOP_PATHS = 20;

  private HtmlReport() {}

  /**
   * @param report the run's tables
   * @param settings label → value of every setting and input, shown as given
   * @param out where to write the page
   */
  public static void write(AttributionReport report, Map<String, String> settings, PrintWriter out) {
    write(report, null, null, settings, out);
  }

  /**
   * Writes the report; with {@code lifetime}, a table of lifetime value per new customer by channel and model, and
   * with {@code holdout} the lifetime-value fit's check against the held-out days.
   */
  public static void write(AttributionReport report, io.tributary.core.lifetime.ChannelLifetimeValue lifetime,
      io.tributary.core.lifetime.HoldoutCheck holdout, Map<String, String> settings, PrintWriter out) {
    write(report, lifetime, holdout, List.of(), settings, out);
  }

  /**
   * Writes the report; a windowed run's {@code dated} reports (one per report date) add the daily credit trend per
   * channel, and the sections after it show the last date.
   */
  public static void write(AttributionReport report, io.tributary.core.lifetime.ChannelLifetimeValue lifetime,
      io.tributary.core.lifetime.HoldoutCheck holdout, List<io.tributary.core.window.WindowedReport.Dated> dated,
      Map<String, String> settings, PrintWriter out) {
    List<String> models = new ArrayList<>();
    for (ModelResult r : report.results()) {
      models.add(r.model());
    }
    // At --touchpoint channel/campaign the charts and tables by channel show the roll-up, and a campaign table
    // follows; at campaign level a "channel" of the charts is a campaign.
    List<ChannelCreditRow> channelRows = report.channelRollup().isEmpty() ? report.channelCredit()
        : report.channelRollup();
    Map<String, Map<String, ChannelCreditRow>> byChannel = byTouchpoint(channelRows);
    boolean spend = false;
    for (ChannelCreditRow r : channelRows) {
      spend |= r.spend() != null;
    }

    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>Tributary attribution report</title>");
    out.println("<style>");
    out.println("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1100px;"
        + "color:#222;padding:0 1em}");
    out.println("h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}");
    out.println("table{border-collapse:collapse;margin:.5em 0;font-size:.9em}"
        + "th,td{padding:.25em .6em;border-bottom:1px solid #eee;text-align:right}"
        + "th:first-child,td:first-child{text-align:left}th{background:#f6f6f6}");
    out.println(".kpis{display:flex;flex-wrap:wrap;gap:.8em}.kpi{border:1px solid #ddd;border-radius:6px;"
        + "padding:.6em 1em;min-width:10em}.kpi b{display:block;font-size:1.4em}.kpi span{color:#666;"
        + "font-size:.85em}");
    out.println("svg text{font-family:inherit;font-size:12px}.legend span{display:inline-block;margin-right:1em}"
        + ".legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}");
    out.println("</style></head><body>");
    out.println("<h1>Tributary attribution report</h1>");

    if (!dated.isEmpty()) {
      TrendChart.write(out, dated);
      out.println("<p id=\"last-date\">The sections below show the last report date, "
          + dated.get(dated.size() - 1).date() + ".</p>");
    }
    kpis(out, report.kpis());
    out.println("<h2>Attributed conversions by channel and model</h2>");
    legend(out, models);
    chart(out, "conversions", models, byChannel, r -> r.attributedConversions());
    out.println("<h2>Attributed value by channel and model</h2>");
    legend(out, models);
    chart(out, "value", models, byChannel, r -> r.attributedValue());
    if (spend) {
      out.println("<h2>Return on spend by channel</h2>");
      legend(out, models);
      chart(out, "roas", models, byChannel, r -> r.roas() == null ? 0 : r.roas());
      spendTable(out, models, byChannel);
    }
    out.println("<h2>Channel credit</h2>");
    creditTable(out, models, byChannel);
    if (report.channelCredit().stream().anyMatch(r -> r.campaign() != null)) {
      out.println("<h2>Campaign credit</h2>");
      campaignTable(out, models, byTouchpoint(report.channelCredit()));
    }
    report.samplingNote().ifPresent(n -> out.println("<p id=\"sampling\"><small>" + esc(n)
        + " (± in the table: one standard error)</small></p>"));
    if (lifetime != null) {
      lifetimeTables(out, models, lifetime, holdout);
    }
    out.println("<h2>Top paths by conversions</h2>");
    topPaths(out, report.pathSummary());
    out.println("<h2>Settings</h2>");
    out.println("<table id=\"settings\">");
    settings.forEach((k, v) -> out.println("<tr><td>" + esc(k) + "</td><td>" + esc(v) + "</td></tr>"));
    out.println("</table>");
    out.println("<p><small>Generated by tributary. Numbers are rounded for reading; the CSV and JSON outputs hold "
        + "them exactly.</small></p>");
    out.println("</body></html>");
    out.flush();
  }

  private interface Measure {
    double of(ChannelCreditRow r);
  }

  private static void kpis(PrintWriter out, ConversionKpis k) {
    out.println("<div class=\"kpis\" id=\"kpis\">");
    kpi(out, "conversions", Long.toString(k.conversions()));
    kpi(out, "total value", fixed(k.totalValue(), 2));
    kpi(out, "journeys", Long.toString(k.journeys()));
    kpi(out, "conversion rate", percent(k.conversionRate()));
    kpi(out, "cross-channel conversion rate", percent(k.crossChannelConversionRate()));
    kpi(out, "single-channel conversion rate", percent(k.singleChannelConversionRate()));
    kpi(out, "multi-channel conversion share", percent(k.multiChannelConversionShare()));
    kpi(out, "avg touches to conversion", fixed(k.avgTouchesToConversion(), 2));
    kpi(out, "avg days to conversion", fixed(k.avgDaysToConversion(), 2));
    kpi(out, "total spend", fixed(k.totalSpend(), 2));
    kpi(out, "omnichannel ROI", fixed(k.omnichannelRoi(), 2));
    out.println("</div>");
  }

  private static void kpi(PrintWriter out, String label, String value) {
    out.println("<div class=\"kpi\"><b>" + esc(value) + "</b><span>" + esc(label) + "</span></div>");
  }

  private static void legend(PrintWriter out, List<String> models) {
    StringBuilder sb = new StringBuilder("<p class=\"legend\">");
    for (int m = 0; m < models.size(); m++) {
      sb.append("<span><i style=\"background:").append(PALETTE[m % PALETTE.length]).append("\"></i>")
          .append(esc(models.get(m))).append("</span>");
    }
    out.println(sb.append("</p>"));
  }

  /* A horizontal grouped bar chart: one group per channel, one bar per model; negative values grow leftwards. */
  private static void chart(PrintWriter out, String id, List<String> models,
      Map<String, Map<String, ChannelCreditRow>> byChannel, Measure measure) {
    int bar = 9;
    int groupGap = 10;
    int label = 140;
    int plot = 760;
    int group = models.size() * bar + groupGap;
    int height = byChannel.size() * group + 30;
    double max = 0;
    double min = 0;
    for (Map<String, ChannelCreditRow> rows : byChannel.values()) {
      for (ChannelCreditRow r : rows.values()) {
        max = Math.max(max, measure.of(r));
        min = Math.min(min, measure.of(r));
      }
    }
    double span = max - min == 0 ? 1 : max - min;
    double zero = label + plot * (-min / span);
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "<svg id=\"chart-%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s by channel and model\">%n",
        id, label + plot + 80, height, label + plot + 80, height, id));
    int y = 10;
    for (Map.Entry<String, Map<String, ChannelCreditRow>> e : byChannel.entrySet()) {
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", label - 6,
          y + models.size() * bar / 2 + 4, esc(e.getKey())));
      for (int m = 0; m < models.size(); m++) {
        ChannelCreditRow r = e.getValue().get(models.get(m));
        double v = r == null ? 0 : measure.of(r);
        double w = plot * Math.abs(v) / span;
        double x = v >= 0 ? zero : zero - w;
        sb.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s / %s: %s</title></rect>%n",
            x, y + m * bar, w, bar - 1, PALETTE[m % PALETTE.length], esc(e.getKey()), esc(models.get(m)),
            fixed(v, 2)));
      }
      y += group;
    }
    sb.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"5\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\"/>%n", zero, zero, height - 20));
    sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
        label + plot * 1.0, height - 5, esc(fixed(max, 2))));
    sb.append("</svg>");
    out.println(sb);
  }

  private static void creditTable(PrintWriter out, List<String> models,
      Map<String, Map<String, ChannelCreditRow>> byChannel) {
    StringBuilder sb = new StringBuilder("<table id=\"credit\"><tr><th>channel</th>");
    for (String m : models) {
      sb.append("<th>").append(esc(m)).append("<br>conv.</th><th>value</th>");
    }
    sb.append("</tr>\n");
    for (Map.Entry<String, Map<String, ChannelCreditRow>> e : byChannel.entrySet()) {
      sb.append("<tr><td>").append(esc(e.getKey())).append("</td>");
      for (String m : models) {
        ChannelCreditRow r = e.getValue().get(m);
        sb.append("<td>").append(r == null ? "" : fixed(r.attributedConversions(), 2))
            .append(r == null || r.samplingError() == null ? "" : " ± " + fixed(r.samplingError(), 2))
            .append("</td><td>").append(r == null ? "" : fixed(r.attributedValue(), 2))
            .append(r == null || r.valueSamplingError() == null ? "" : " ± " + fixed(r.valueSamplingError(), 2))
            .append("</td>");
      }
      sb.append("</tr>\n");
    }
    out.println(sb.append("</table>"));
  }

  /* Rows by touchpoint (channel, channel/campaign or campaign) in name order, then by model. */
  private static Map<String, Map<String, ChannelCreditRow>> byTouchpoint(List<ChannelCreditRow> rows) {
    Map<String, Map<String, ChannelCreditRow>> out = new java.util.TreeMap<>();
    for (ChannelCreditRow r : rows) {
      out.computeIfAbsent(r.touchpoint(), k -> new LinkedHashMap<>()).put(r.model(), r);
    }
    return out;
  }

  /* Per campaign: its spend, then per model the credited conversions, value and ROAS. */
  private static void campaignTable(PrintWriter out, List<String> models,
      Map<String, Map<String, ChannelCreditRow>> byCampaign) {
    StringBuilder sb = new StringBuilder("<table id=\"campaigns\"><tr><th>campaign</th><th>spend</th>");
    for (String m : models) {
      sb.append("<th>").append(esc(m)).append("<br>conv.</th><th>value</th><th>ROAS</th>");
    }
    sb.append("</tr>\n");
    for (Map.Entry<String, Map<String, ChannelCreditRow>> e : byCampaign.entrySet()) {
      ChannelCreditRow any = e.getValue().values().iterator().next();
      sb.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(fixed(any.spend(), 2))
          .append("</td>");
      for (String m : models) {
        ChannelCreditRow r = e.getValue().get(m);
        sb.append("<td>").append(r == null ? "" : fixed(r.attributedConversions(), 2)).append("</td><td>")
            .append(r == null ? "" : fixed(r.attributedValue(), 2)).append("</td><td>")
            .append(r == null ? "" : fixed(r.roas(), 2)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    out.println(sb.append("</table>"));
  }

  private static void spendTable(PrintWriter out, List<String> models,
      Map<String, Map<String, ChannelCreditRow>> byChannel) {
    StringBuilder sb = new StringBuilder("<table id=\"roi\"><tr><th>channel</th><th>spend</th>");
    for (String m : models) {
      sb.append("<th>").append(esc(m)).append("<br>ROAS</th><th>ROI</th><th>CPA</th>");
    }
    sb.append("</tr>\n");
    for (Map.Entry<String, Map<String, ChannelCreditRow>> e : byChannel.entrySet()) {
      ChannelCreditRow any = e.getValue().values().iterator().next();
      sb.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(fixed(any.spend(), 2))
          .append("</td>");
      for (String m : models) {
        ChannelCreditRow r = e.getValue().get(m);
        sb.append("<td>").append(r == null ? "" : fixed(r.roas(), 2)).append("</td><td>")
            .append(r == null ? "" : fixed(r.roi(), 2)).append("</td><td>")
            .append(r == null ? "" : fixed(r.cpa(), 2)).append("</td>");
      }
      sb.append("</tr>\n");
    }
    out.println(sb.append("</table>"));
  }

  private static void topPaths(PrintWriter out, List<PathSummaryRow> paths) {
    List<PathSummaryRow> top = new ArrayList<>(paths);
    top.sort(Comparator.comparingLong(PathSummaryRow::conversions).reversed()
        .thenComparing(Comparator.comparingLong(PathSummaryRow::journeys).reversed())
        .thenComparing(PathSummaryRow::path));
    StringBuilder sb = new StringBuilder(
        "<table id=\"paths\"><tr><th>path</th><th>journeys</th><th>conversions</th><th>value</th>"
            + "<th>conversion rate</th></tr>\n");
    for (PathSummaryRow p : top.subList(0, Math.min(TOP_PATHS, top.size()))) {
      sb.append("<tr><td>").append(esc(p.path())).append("</td><td>").append(p.journeys()).append("</td><td>")
          .append(p.conversions()).append("</td><td>").append(fixed(p.conversionValue(), 2)).append("</td><td>")
          .append(percent(p.journeys() == 0 ? null : (double) p.conversions() / p.journeys())).append("</td></tr>\n");
    }
    out.println(sb.append("</table>"));
    out.println("<p><small>" + paths.size() + " distinct paths in all.</small></p>");
  }

  private static void lifetimeTables(PrintWriter out, List<String> models,
      io.tributary.core.lifetime.ChannelLifetimeValue lifetime, io.tributary.core.lifetime.HoldoutCheck holdout) {
    out.println("<h2>Lifetime value per new customer by acquisition channel</h2>");
    out.println("<p>" + esc(String.format(java.util.Locale.ROOT, "%d customers, %.2f expected lifetime value in all "
        + "(%.2f each), calibrated to %s. Each customer's value is split over the journey that acquired them as the "
        + "model splits that journey.", lifetime.customers(), lifetime.totalLifetimeValue(),
        lifetime.meanLifetimeValue(), lifetime.calibrationEnd())) + "</p>");
    Map<String, Map<String, io.tributary.core.lifetime.ChannelLifetimeValueRow>> rows = new java.util.TreeMap<>();
    for (var r : lifetime.rows()) {
      rows.computeIfAbsent(r.channel(), k -> new LinkedHashMap<>()).put(r.model(), r);
    }
    out.println("<table id=\"lifetime\"><tr><th>channel</th>");
    models.forEach(m -> out.println("<th>" + esc(m) + "</th>"));
    out.println("</tr>");
    rows.forEach((channel, byModel) -> {
      StringBuilder sb = new StringBuilder("<tr><td>" + esc(channel) + "</td>");
      for (String m : models) {
        var r = byModel.get(m);
        sb.append("<td>").append(r == null ? "" : esc(fixed(r.lifetimeValuePerCustomer(), 2))).append("</td>");
      }
      out.println(sb.append("</tr>"));
    });
    out.println("</table>");
    if (holdout == null) {
      return;
    }
    out.println("<h2>Lifetime-value fit: predicted vs actual repeat purchases in the holdout</h2>");
    out.println("<p>" + esc("BG/NBD fitted on the days up to " + holdout.calibrationEnd() + ", then asked for the "
        + "repeat purchases of " + holdout.calibrationEnd().plusDays(1) + " to " + holdout.holdoutEnd() + ", by the "
        + "repeat purchases each customer made before (the standard check of Fader, Hardie & Lee 2005).") + "</p>");
    out.println("<table id=\"holdout\"><tr><th>repeat purchases before</th><th>customers</th>"
        + "<th>actual, mean</th><th>predicted, mean</th></tr>");
    for (var r : holdout.rows()) {
      out.println("<tr><td>" + (r.frequency() == io.tributary.core.lifetime.HoldoutCheck.LAST_ROW
          ? r.frequency() + "+" : r.frequency()) + "</td><td>" + r.customers() + "</td><td>"
          + esc(fixed(r.actual(), 3)) + "</td><td>" + esc(fixed(r.predicted(), 3)) + "</td></tr>");
    }
    out.println("</table>");
  }

  private static String fixed(Double d, int decimals) {
    if (d == null) {
      return "–";
    }
    String s = String.format(Locale.ROOT, "%,." + decimals + "f", d);
    return s.startsWith("-") && Double.parseDouble(s.replace(",", "")) == 0 ? s.substring(1) : s;
  }

  private static String percent(Double d) {
    return d == null ? "–" : String.format(Locale.ROOT, "%.2f %%", d * 100);
  }

  /** @return {@code s} escaped for HTML text and attribute values */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
