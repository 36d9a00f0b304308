package io.tributary.cli.sample;

/**
 * A customer's life after their first purchase, as drawn by {@link LifetimeProcess}: who acquired them, their own
 * lifetime parameters, and the repeat purchases that fell inside the period. Arrays are owned by this value.
 *
 * @param acquisitionChannel ordinal of the first touch of the journey that ends in the first purchase; −1 when the
 *     customer never bought
 * @param acquiredAt time of the first purchase (its conversion row), epoch ms; 0 when never bought
 * @param ratePerDay the customer's repeat-purchase rate λ while alive, per day
 * @param dropout the customer's probability p of leaving after each repeat purchase
 * @param meanValueCents the customer's mean repeat order value {@code p / ν}, in cents
 * @param count number of repeat purchases inside the period
 * @param times their times, epoch ms, whole seconds, strictly increasing
 * @param valueCents their order values, in cents
 */
record RepeatPurchases(int acquisitionChannel, long acquiredAt, double ratePerDay, double dropout,
    double meanValueCents, int count, long[] times, long[] valueCents) {
  /** A customer who never bought. */
  static final RepeatPurchases NONE = new RepeatPurchases(-1, 0, 0, 0, 0, 0, new long[0], new long[0]);

  /** @return whether the customer bought at least once (and so was acquired) */
  boolean acquired() {
    return acquisitionChannel >= 0;
  }
}
