package io.tributary.core.lifetime;

import io.tributary.core.clv.ClvTimeUnit;
import io.tributary.core.clv.CustomerSummary;
import io.tributary.core.paths.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One buyer as an engine recorded them: their purchases, summarised in days without a calibration end (which is
 * known only once every customer is read), and their acquisition journey.
 *
 * @param firstDay the first purchase's day, as an epoch day
 * @param inDays the summary in days up to the last purchase day: x, t_x and the Gamma-Gamma inputs (its T is unused)
 * @param acquisitionPath the acquisition journey's touches, or null when the first purchase had no touch in its window
 *     (then the customer is credited to {@code (unattributed)}, outside every model)
 * @param journeyModelWeights per journey model (in the recorder's model order), the acquisition journey's weight per
 *     channel of {@code acquisitionChannels}; empty when there is no path
 * @param acquisitionChannels the acquisition journey's distinct channels, in name order
 */
public record CustomerLifetime(long firstDay, CustomerSummary inDays, Path acquisitionPath,
    List<double[]> journeyModelWeights, List<String> acquisitionChannels) {
  public CustomerLifetime {
    Objects.requireNonNull(inDays, "inDays");
    journeyModelWeights = journeyModelWeights.stream().map(double[]::clone).toList();
    acquisitionChannels = List.copyOf(acquisitionChannels);
  }

  /**
   * @param calibrationEnd the calibration end, as an epoch day, on or after every purchase day
   * @param unit the time unit of t_x and T
   * @return the models' input for this customer
   */
  public CustomerSummary summary(long calibrationEnd, ClvTimeUnit unit) {
    double d = unit.days();
    return new CustomerSummary(inDays.frequency(), inDays.recency() / d, (calibrationEnd - firstDay) / d,
        inDays.valuedRepeats(), inDays.meanRepeatValue());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerLifetime c && firstDay == c.firstDay && inDays.equals(c.inDays)
        && Objects.equals(acquisitionPath, c.acquisitionPath) && acquisitionChannels.equals(c.acquisitionChannels)
        && journeyModelWeights.size() == c.journeyModelWeights.size()
        && java.util.stream.IntStream.range(0, journeyModelWeights.size())
            .allMatch(i -> Arrays.equals(journeyModelWeights.get(i), c.journeyModelWeights.get(i)));
  }

  @Override
  public int hashCode() {
    return Objects.hash(firstDay, inDays, acquisitionPath, acquisitionChannels);
  }
}
