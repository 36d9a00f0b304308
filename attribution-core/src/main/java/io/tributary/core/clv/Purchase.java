package io.tributary.core.clv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase of a log: who, on which day, for how much.
 *
 * @param customerId the customer
 * @param date the purchase's day (engines take it in the run's zone)
 * @param value the amount, {@code >= 0}
 */
public record Purchase(String customerId, LocalDate date, BigDecimal value) {
  public Purchase {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative purchase value " + value);
    }
  }
}
