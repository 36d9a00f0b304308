package io.tributary.cli.output;

import io.tributary.core.metrics.AttributionReport;
import io.tributary.core.metrics.ChannelCreditRow;
import io.tributary.core.metrics.ConversionKpis;
import io.tributary.core.model.JourneyAggregate;
import io.tributary.core.model.ModelResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default output for people: channel credit as aligned wide tables (one column per model) for conversions, value
 * and, with spend, ROAS; then the KPIs. Numbers are rounded for reading (2 decimals, rates 4); the CSV and JSON
 * formats carry the exact values.
 */
public final class TextReport {
  private TextReport() {}

  /** Writes the report. */
  public static void write(AttributionReport report, PrintWriter out) {
    List<String> models = new ArrayList<>();
    for (ModelResult r : report.results()) {
      models.add(r.model());
    }
    Set<String> channels = new LinkedHashSet<>();
    Map<String, ChannelCreditRow> cells = new LinkedHashMap<>();
    boolean spend = false;
    for (ChannelCreditRow r : report.channelCredit()) {
      // At a campaign level a row is a touchpoint: channel/campaign, or the campaign alone.
      if (!r.channel().equals(JourneyAggregate.UNATTRIBUTED)) {
        channels.add(r.touchpoint());
      }
      cells.put(r.model() + '\u0000' + r.touchpoint(), r);
      spend |= r.spend() != null;
    }
    List<String> ordered = new ArrayList<>(new java.util.TreeSet<>(channels));
    if (report.channelCredit().stream().anyMatch(r -> r.channel().equals(JourneyAggregate.UNATTRIBUTED))) {
      ordered.add(JourneyAggregate.UNATTRIBUTED);
    }
    wide(out, "Attributed conversions", models, ordered, cells, r -> fixed(r.attributedConversions(), 2), true);
    out.println();
    wide(out, "Attributed value", models, ordered, cells, r -> fixed(r.attributedValue(), 2), true);
    if (spend) {
      out.println();
      // (unattributed) never has spend: no ROAS row for it.
      List<String> spent = new ArrayList<>(ordered);
      spent.remove(JourneyAggregate.UNATTRIBUTED);
      wide(out, "ROAS (attributed value / spend)", models, spent, cells, r -> fixed(r.roas(), 2), false);
    }
    out.println();
    kpis(out, report.kpis());
    out.flush();
  }

  /** Writes lifetime value by channel: one wide table of lifetime value per new customer, then the totals. */
  public static void lifetime(io.tributary.core.lifetime.ChannelLifetimeValue lifetime, PrintWriter out) {
    List<String> models = new ArrayList<>();
    Set<String> channels = new java.util.TreeSet<>();
    Map<String, io.tributary.core.lifetime.ChannelLifetimeValueRow> cells = new LinkedHashMap<>();
    for (var r : lifetime.rows()) {
      if (!models.contains(r.model())) {
        models.add(r.model());
      }
      if (!r.channel().equals(JourneyAggregate.UNATTRIBUTED)) {
        channels.add(r.channel());
      }
      cells.put(r.model() + '\u0000' + r.channel(), r);
    }
    List<String> ordered = new ArrayList<>(channels);
    if (lifetime.rows().stream().anyMatch(r -> r.channel().equals(JourneyAggregate.UNATTRIBUTED))) {
      ordered.add(JourneyAggregate.UNATTRIBUTED);
    }
    for (String[] part : new String[][] {{"New customers credited", "n"}, {"Lifetime value credited", "v"},
        {"Lifetime value per new customer", "p"}}) {
      out.println(part[0]);
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-20s", "channel"));
      models.forEach(m -> head.append(String.format(Locale.ROOT, " %18s", m)));
      out.println(head);
      for (String c : ordered) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s", c));
        for (String m : models) {
          var r = cells.get(m + '\u0000' + c);
          Double v = null;
          if (r != null) {
            v = switch (part[1]) {
              case "n" -> Double.valueOf(r.newCustomers());
              case "v" -> Double.valueOf(r.lifetimeValue());
              default -> r.lifetimeValuePerCustomer(); // null when no customer is credited
            };
          }
          line.append(String.format(Locale.ROOT, " %18s", v == null ? "-" : String.format(Locale.ROOT, "%.2f", v)));
        }
        out.println(line);
      }
      out.println();
    }
    out.println(String.format(Locale.ROOT, "Lifetime value: %d customers, %.2f in all, %.2f per customer "
        + "(calibrated to %s)", lifetime.customers(), lifetime.totalLifetimeValue(), lifetime.meanLifetimeValue(),
        lifetime.calibrationEnd()));
    out.flush();
  }

  private interface Cell {
    String text(ChannelCreditRow r);
  }

  private static void wide(PrintWriter out, String title, List<String> models, List<String> channels,
      Map<String, ChannelCreditRow> cells, Cell cell, boolean totals) {
    List<String[]> rows = new ArrayList<>();
    String[] head = new String[models.size() + 1];
    head[0] = "channel";
    for (int m = 0; m < models.size(); m++) {
      head[m + 1] = models.get(m);
    }
    rows.add(head);
    double[] sums = new double[models.size()];
    for (String c : channels) {
      String[] row = new String[models.size() + 1];
      row[0] = c;
      for (int m = 0; m < models.size(); m++) {
        ChannelCreditRow r = cells.get(models.get(m) + '\u0000' + c);
        row[m + 1] = r == null ? "" : cell.text(r);
        if (r != null && totals) {
          sums[m] += title.startsWith("Attributed conversions") ? r.attributedConversions() : r.attributedValue();
        }
      }
      rows.add(row);
    }
    if (totals) {
      String[] row = new String[models.size() + 1];
      row[0] = "total";
      for (int m = 0; m < models.size(); m++) {
        row[m + 1] = fixed(sums[m], 2);
      }
      rows.add(row);
    }
    out.println(title);
    int[] width = new int[head.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (int k = 0; k < rows.size(); k++) {
      if (totals && k == rows.size() - 1) {
        rule(out, width);
      }
      String[] r = rows.get(k);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        if (i == 0) {
          sb.append(pad(r[i], width[i], false));
        } else {
          sb.append("  ").append(pad(r[i], width[i], true));
        }
      }
      out.println(sb.toString().stripTrailing());
      if (k == 0) {
        rule(out, width);
      }
    }
  }

  private static void rule(PrintWriter out, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
    }
    out.println(sb);
  }

  private static void kpis(PrintWriter out, ConversionKpis k) {
    out.println("Conversion KPIs");
    String[][] lines = {
      {"journeys", Long.toString(k.journeys())},
      {"converting journeys", Long.toString(k.convertingJourneys())},
      {"total value", fixed(k.totalValue(), 2)},
      {"conversion rate", fixed(k.conversionRate(), 4)},
      {"multi-channel journeys", Long.toString(k.multiChannelJourneys())},
      {"cross-channel conversion rate", fixed(k.crossChannelConversionRate(), 4)},
      {"single-channel conversion rate", fixed(k.singleChannelConversionRate(), 4)},
      {"multi-channel conversion share", fixed(k.multiChannelConversionShare(), 4)},
      {"avg touches to conversion", fixed(k.avgTouchesToConversion(), 2)},
      {"avg days to conversion", fixed(k.avgDaysToConversion(), 2)},
      {"total spend", fixed(k.totalSpend(), 2)},
      {"omnichannel ROI", fixed(k.omnichannelRoi(), 4)},
    };
    int w = 0;
    for (String[] l : lines) {
      w = Math.max(w, l[0].length());
    }
    for (String[] l : lines) {
      out.println("  " + pad(l[0], w, false) + "  " + l[1]);
    }
  }

  private static String fixed(Double d, int decimals) {
    if (d == null) {
      return "-";
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", d);
    return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
  }

  private static String pad(String s, int width, boolean right) {
    if (s.length() >= width) {
      return s;
    }
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }
}
