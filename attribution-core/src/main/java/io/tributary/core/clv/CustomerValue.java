package io.tributary.core.clv;

/**
 * What the models expect of one customer over the horizon.
 *
 * @param probabilityAlive P(alive) at the calibration end, in [0, 1]
 * @param expectedPurchases expected purchases within the horizon after the calibration end, undiscounted
 * @param expectedValue expected value per purchase (Gamma-Gamma E[M])
 * @param lifetimeValue the discounted expected value of those purchases (CLV), {@code >= 0}
 */
public record CustomerValue(double probabilityAlive, double expectedPurchases, double expectedValue,
    double lifetimeValue) {}
