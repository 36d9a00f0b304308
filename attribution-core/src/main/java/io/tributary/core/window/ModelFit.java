package io.tributary.core.window;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The identity of a data-driven model fitted for one report date: which journeys it was fitted on. Written as the
 * {@code model_fit} table, so a date's credit can be traced to its fit.
 *
 * @param model the model's name
 * @param fitFirstDate the first date of the fitting window
 * @param fitLastDate the last date of the fitting window (the report date)
 * @param fitJourneys journeys the model was fitted on
 * @param fitConversions conversions among them (touchless ones included)
 * @param order the chain order for markov, null for other models
 */
public record ModelFit(String model, LocalDate fitFirstDate, LocalDate fitLastDate, long fitJourneys,
    long fitConversions, Integer order) {
  public ModelFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fitFirstDate, "fitFirstDate");
    Objects.requireNonNull(fitLastDate, "fitLastDate");
  }
}
