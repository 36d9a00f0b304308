package io.tributary.cli.sample;

/**
 * One customer as drawn by {@link CustomerSimulator}: who they are, the touches they saw and what they bought.
 * Arrays are parallel, indexed by touch, valid up to {@link #touches}; they are owned by this value and never shared.
 *
 * @param index 0-based customer number
 * @param base base purchase propensity per decision point
 * @param anonymousDevice whether device 0 is anonymous until the first purchase (its id then stands in for the
 *     customer id)
 * @param loyaltyCard whether store visits are recorded under a loyalty card id
 * @param optedOut whether the customer is on the consent opt-out list
 * @param optOutUnderAlias whether the opt-out was recorded against an alias rather than the customer id
 * @param touches number of touches
 * @param times touch times, epoch ms, whole seconds, strictly increasing
 * @param channels channel ordinals ({@link SampleChannel})
 * @param devices device number of each touch (meaningful for online channels)
 * @param campaigns campaign index into the channel's campaigns
 * @param expectedValue expected order value, in cents, of a purchase at each touch
 * @param converts whether each touch leads to a purchase
 * @param valueCents order value of each purchase, in cents
 * @param delayMillis delay from the touch to an online checkout recorded as its own row; 0 = on the touch row
 * @param duplicateDelayMillis when {@code > 0}, the purchase is reported twice, the copy this much later
 * @param repeats the repeat purchases of the lifetime process after the first purchase (not at touches)
 * @param persona the {@code persona} column's value ({@link CustomerSegments#persona})
 * @param loyalty the {@code loyalty} column's value ({@link CustomerSegments#loyalty})
 */
record SimulatedCustomer(
    long index,
    double base,
    boolean anonymousDevice,
    boolean loyaltyCard,
    boolean optedOut,
    boolean optOutUnderAlias,
    int touches,
    long[] times,
    int[] channels,
    int[] devices,
    int[] campaigns,
    double[] expectedValue,
    boolean[] converts,
    long[] valueCents,
    long[] delayMillis,
    long[] duplicateDelayMillis,
    RepeatPurchases repeats,
    String persona,
    String loyalty) {}
