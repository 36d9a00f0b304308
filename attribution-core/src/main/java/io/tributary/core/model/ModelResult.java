package io.tributary.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model's credit per channel, channels in name order.
 *
 * @param model the model's name
 * @param credits one entry per channel, sorted by channel name, no duplicates
 */
public record ModelResult(String model, List<ChannelCredit> credits) {
  public ModelResult {
    Objects.requireNonNull(model, "model");
    List<ChannelCredit> sorted = new ArrayList<>(credits);
    sorted.sort(Comparator.comparing(ChannelCredit::channel));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).channel().equals(sorted.get(i - 1).channel())) {
        throw new IllegalArgumentException("channel " + sorted.get(i).channel() + " credited twice by " + model);
      }
    }
    credits = List.copyOf(sorted);
  }

  /** Builds a result from parallel per-channel sums. */
  public static ModelResult of(String model, Map<String, double[]> conversionsAndValue) {
    List<ChannelCredit> list = new ArrayList<>();
    conversionsAndValue.forEach((c, cv) -> list.add(new ChannelCredit(c, cv[0], cv[1])));
    return new ModelResult(model, list);
  }

  /** @return the sum of attributed conversions */
  public double totalConversions() {
    double s = 0;
    for (ChannelCredit c : credits) {
      s += c.conversions();
    }
    return s;
  }

  /** @return the sum of attributed value */
  public double totalValue() {
    double s = 0;
    for (ChannelCredit c : credits) {
      s += c.value();
    }
    return s;
  }

  /** @return the credit of {@code channel}, or null when the model gave it none */
  public ChannelCredit credit(String channel) {
    for (ChannelCredit c : credits) {
      if (c.channel().equals(channel)) {
        return c;
      }
    }
    return null;
  }
}
