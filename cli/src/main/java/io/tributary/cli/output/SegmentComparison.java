package io.tributary.cli.output;

import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.output.SegmentRow;
import io.tributary.core.segment.SegmentedReport;
import io.tributary.core.segment.Segmentation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HTML report's segment comparison ({@code --segment-by}): for one model, each channel's share of a segment
 * value's conversions, side by side per value, the (all) column first. A pooled value (its data-driven credit is the
 * all-customer fit's) is marked. Values beyond {@link #MAX_VALUES} (by conversions) are left out and counted, so a
 * segment of a thousand values stays a readable table.
 */
final class SegmentComparison {
  /** Most values shown per segment. */
  static final int MAX_VALUES = 12;

  private SegmentComparison() {}

  /**
   * The model compared: {@code markov} when fitted (the data-driven model a segment's mix matters most to), else
   * {@code linear}, else the run's first model.
   */
  static String model(List<String> models) {
    return models.contains("markov") ? "markov" : models.contains("linear") ? "linear" : models.get(0);
  }

  static void write(PrintWriter out, SegmentedReport segmented, List<String> models) {
    String model = model(models);
    List<String> names = segmented.segmentation().names();
    out.println("<h2>Credit share by segment (" + HtmlReport.esc(model) + ")</h2>");
    out.println("<p><small>Each cell: the channel's share of the segment value's conversions under " + HtmlReport.esc(
        model) + ". * marks a value whose credit is pooled (fewer journeys than --min-segment-journeys: the "
        + "all-customer fit applied to its journeys).</small></p>");
    for (int d = 0; d < names.size(); d++) {
      // value -> channel -> row, (all) first, then the values in the core's (text) order.
      Map<String, Map<String, ChannelCreditRow>> byValue = new LinkedHashMap<>();
      Map<String, Double> conversions = new TreeMap<>();
      Map<String, Boolean> pooled = new TreeMap<>();
      TreeSet<String> channels = new TreeSet<>();
      for (SegmentRow<ChannelCreditRow> r : segmented.channelCredit()) {
        if (!r.row().model().equals(model) || !onlyDimension(r.segments(), d)) {
          continue;
        }
        String v = r.segments().get(d);
        byValue.computeIfAbsent(v, k -> new TreeMap<>()).put(r.row().channel(), r.row());
        conversions.merge(v, r.row().attributedConversions(), Double::sum);
        pooled.merge(v, SegmentRow.FIT_POOLED.equals(r.fitScope()), Boolean::logicalOr);
        channels.add(r.row().channel());
      }
      List<String> values = new ArrayList<>(byValue.keySet());
      values.remove(Segmentation.ALL);
      values.sort((a, b) -> Double.compare(conversions.get(b), conversions.get(a)));
      int left = Math.max(0, values.size() - MAX_VALUES);
      values = new ArrayList<>(values.subList(0, Math.min(MAX_VALUES, values.size())));
      values.sort(null);
      values.add(0, Segmentation.ALL);
      StringBuilder sb = new StringBuilder("<table class=\"segments\" id=\"segment-").append(HtmlReport.esc(
          names.get(d))).append("\"><tr><th>").append(HtmlReport.esc(names.get(d))).append(" →<br>channel</th>");
      for (String v : values) {
        sb.append("<th>").append(HtmlReport.esc(v)).append(Boolean.TRUE.equals(pooled.get(v)) ? " *" : "")
            .append("<br><small>").append(fixed(conversions.get(v))).append(" conv.</small></th>");
      }
      sb.append("</tr>\n");
      for (String c : channels) {
        sb.append("<tr><td>").append(HtmlReport.esc(c)).append("</td>");
        for (String v : values) {
          ChannelCreditRow r = byValue.get(v).get(c);
          double total = conversions.get(v);
          sb.append("<td>").append(r == null || total == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f %%",
              100 * r.attributedConversions() / total)).append("</td>");
        }
        sb.append("</tr>\n");
      }
      out.println(sb.append("</table>"));
      if (left > 0) {
        out.println("<p><small>" + left + " more values of " + HtmlReport.esc(names.get(d)) + " with fewer "
            + "conversions are in the channel_credit table.</small></p>");
      }
    }
  }

  private static boolean onlyDimension(List<String> segments, int d) {
    for (int i = 0; i < segments.size(); i++) {
      if (i != d && !segments.get(i).equals(Segmentation.ALL)) {
        return false;
      }
    }
    return true;
  }

  private static String fixed(Double d) {
    return d == null ? "" : String.format(java.util.Locale.ROOT, "%.0f", d);
  }
}
