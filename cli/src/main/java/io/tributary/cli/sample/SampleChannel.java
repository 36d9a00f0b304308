package io.tributary.cli.sample;

import java.util.List;

/**
 * The twelve touchpoints of the synthetic data set, each with its known causal effect and its cost.
 *
 * <p>{@link #lift()} is the channel's per-touch lift in the noisy-OR conversion process of {@link ConversionProcess}:
 * a touch of this channel, {@code a} days old, multiplies the customer's probability of <em>not</em> converting at a
 * later decision point by {@code 1 − lift · 2^(−a / half-life)}. Zero means the channel is purely navigational: it
 * shows up on converting paths but causes nothing.
 *
 * <p>{@link #lifetime()} is how the customers the channel acquires buy again: e-mail, app push and the store bring
 * loyal customers who buy often and rarely leave, display, social and affiliates one-off buyers, the store and the
 * call center larger baskets, the marketplace smaller ones.
 */
public enum SampleChannel {
  PAID_SEARCH("paid_search", 0.070, 180, true, List.of("ps_brand", "ps_generic", "ps_shopping"),
      new LifetimeParameters(1.5, 30, 1.0, 6.0, 6, 4, 28)),
  ORGANIC_SEARCH("organic_search", 0.020, 0, true, List.of(""),
      new LifetimeParameters(1.5, 30, 1.0, 6.0, 6, 4, 27)),
  EMAIL("email", 0.030, 3, true, List.of("em_newsletter", "em_cart_reminder", "em_promo"),
      new LifetimeParameters(2.0, 20, 0.5, 9.0, 6, 4, 30)),
  SOCIAL("social", 0.012, 50, true, List.of("so_prospecting", "so_retargeting"),
      new LifetimeParameters(1.0, 100, 2.0, 2.0, 6, 4, 25)),
  DISPLAY("display", 0.004, 12, true, List.of("di_prospecting", "di_retargeting"),
      new LifetimeParameters(1.0, 100, 2.0, 2.0, 6, 4, 25)),
  VIDEO("video", 0.020, 30, true, List.of("vi_awareness", "vi_product"),
      new LifetimeParameters(1.0, 80, 1.5, 2.5, 6, 4, 26)),
  AFFILIATE("affiliate", 0.015, 120, true, List.of("af_cashback", "af_voucher"),
      new LifetimeParameters(1.0, 100, 2.0, 2.0, 6, 4, 22)),
  APP_PUSH("app_push", 0.010, 1, true, List.of("ap_promo", "ap_back_in_stock"),
      new LifetimeParameters(2.0, 15, 0.5, 9.0, 6, 4, 30)),
  MARKETPLACE("marketplace", 0.035, 100, true, List.of("mp_listing", "mp_sponsored"),
      new LifetimeParameters(1.0, 80, 1.5, 2.5, 6, 4, 20)),
  DIRECT("direct", 0.0, 0, true, List.of(""),
      new LifetimeParameters(1.5, 25, 1.0, 6.0, 6, 4, 28)),
  STORE_VISIT("store_visit", 0.090, 0, false, List.of("store_berlin", "store_hamburg", "store_munich"),
      new LifetimeParameters(2.0, 20, 0.5, 9.0, 6, 4, 40)),
  CALL_CENTER("call_center", 0.060, 600, false, List.of("cc_inbound", "cc_callback"),
      new LifetimeParameters(1.5, 25, 1.0, 6.0, 6, 4, 35));

  private static final List<SampleChannel> ALL = List.of(values());

  private final String wireName;
  private final double lift;
  private final long costCents;
  private final boolean online;
  private final List<String> campaigns;
  private final LifetimeParameters lifetime;

  SampleChannel(String wireName, double lift, long costCents, boolean online, List<String> campaigns,
      LifetimeParameters lifetime) {
    this.wireName = wireName;
    this.lift = lift;
    this.costCents = costCents;
    this.online = online;
    this.campaigns = campaigns;
    this.lifetime = lifetime;
  }

  /** @return every channel, in declaration order (the order of {@code truth.csv}) */
  public static List<SampleChannel> all() {
    return ALL;
  }

  /** @return the name written to the {@code channel} column */
  public String wireName() {
    return wireName;
  }

  /** @return the per-touch causal lift at age zero, in [0, 1) */
  public double lift() {
    return lift;
  }

  /** @return what one touch costs, in cents; zero for channels without media spend (not in {@code spend.csv}) */
  public long costCents() {
    return costCents;
  }

  /** @return whether the touch happens on a device (it then carries a {@code device_id}) */
  public boolean online() {
    return online;
  }

  /** @return the campaign names a touch draws from; {@code ""} means the column stays empty */
  public List<String> campaigns() {
    return campaigns;
  }

  /**
   * @return how the customers this channel acquires (the first touch of the journey that ends in their first
   *     purchase) go on buying; see {@link LifetimeProcess}
   */
  public LifetimeParameters lifetime() {
    return lifetime;
  }

  /** @return whether the channel is paid media, i.e. appears in {@code spend.csv} */
  public boolean paid() {
    return costCents > 0;
  }
}
