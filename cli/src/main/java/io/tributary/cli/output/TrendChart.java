package io.tributary.cli.output;

import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.window.WindowedReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HTML report's daily trend of a windowed run: one model's attributed conversions per channel and report date, as
 * an inline SVG line chart (one line per channel) and the table it is drawn from. No script: the page stays one file.
 */
final class TrendChart {
  private static final String[] PALETTE = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
      "#F0E442", "#000000", "#999999", "#882255"};

  private TrendChart() {}

  /** @return the model the trend shows: linear when fitted (additive, per journey), else the first */
  static String model(List<WindowedReport.Dated> dated) {
    List<String> models = new ArrayList<>();
    dated.get(0).report().results().forEach(r -> models.add(r.model()));
    return models.contains("linear") ? "linear" : models.isEmpty() ? "" : models.get(0);
  }

  static void write(PrintWriter out, List<WindowedReport.Dated> dated) {
    String model = model(dated);
    TreeSet<String> channels = new TreeSet<>();
    List<Map<String, Double>> perDate = new ArrayList<>();
    double max = 0;
    for (WindowedReport.Dated d : dated) {
      Map<String, Double> credit = new TreeMap<>();
      for (ChannelCreditRow r : d.report().channelCredit()) {
        if (r.model().equals(model)) {
          credit.put(r.channel(), r.attributedConversions());
          channels.add(r.channel());
          max = Math.max(max, r.attributedConversions());
        }
      }
      perDate.add(credit);
    }
    out.println("<h2>Daily credit trend (" + HtmlReport.esc(model) + ", attributed conversions)</h2>");
    StringBuilder legend = new StringBuilder("<p class=\"legend\">");
    int k = 0;
    for (String c : channels) {
      legend.append("<span><i style=\"background:").append(PALETTE[k++ % PALETTE.length]).append("\"></i>")
          .append(HtmlReport.esc(c)).append("</span>");
    }
    out.println(legend.append("</p>"));
    int left = 50;
    int width = 900;
    int height = 260;
    int n = dated.size();
    double top = max == 0 ? 1 : max;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg id=\"chart-trend\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"daily attributed conversions by channel\">%n",
        left + width + 20, height + 40, left + width + 20, height + 40));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n", left,
        left, height + 10));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n", left,
        height + 10, left + width, height + 10));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" text-anchor=\"end\">%.1f</text>%n", left - 4,
        top));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n", left - 4,
        height + 14));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", left, height + 30,
        dated.get(0).date()));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left + width,
        height + 30, dated.get(n - 1).date()));
    k = 0;
    for (String c : channels) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < n; i++) {
        double x = left + (n == 1 ? width / 2.0 : width * i / (double) (n - 1));
        double y = 10 + height * (1 - perDate.get(i).getOrDefault(c, 0.0) / top);
        points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, y));
      }
      svg.append(String.format(Locale.ROOT,
          "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"><title>%s</title></polyline>%n",
          PALETTE[k++ % PALETTE.length], points, HtmlReport.esc(c)));
    }
    out.println(svg.append("</svg>"));
    StringBuilder table = new StringBuilder("<table id=\"trend\"><tr><th>run_date</th>");
    for (String c : channels) {
      table.append("<th>").append(HtmlReport.esc(c)).append("</th>");
    }
    table.append("</tr>\n");
    for (int i = 0; i < n; i++) {
      table.append("<tr><td>").append(dated.get(i).date()).append("</td>");
      for (String c : channels) {
        table.append(String.format(Locale.ROOT, "<td>%.2f</td>", perDate.get(i).getOrDefault(c, 0.0)));
      }
      table.append("</tr>\n");
    }
    out.println(table.append("</table>"));
  }
}
