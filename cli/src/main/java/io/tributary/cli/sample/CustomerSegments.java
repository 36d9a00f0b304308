package io.tributary.cli.sample;

/**
 * The two segment columns of the event log, {@code persona} and {@code loyalty}: read off what the simulator already
 * drew for the customer (no random number of their own, so adding them changed no other byte of the data set), and
 * constant per customer.
 *
 * <p>They are chosen from the draws that shape the customer's channel mix, so each value's mix genuinely differs:
 * <ul>
 *   <li>{@code app_user}: has the app, the only persona with app-push touches;
 *   <li>{@code store_shopper}: no app, lives near a store: store visits, and the e-mails and calls they lead to;
 *   <li>{@code researcher}: neither, intent at least 1 (above the median): first touches lean to search and direct;
 *   <li>{@code browser}: neither, intent below 1: first touches lean to social, display and the other pushed channels.
 * </ul>
 * {@code loyalty} is {@code member} for a loyalty-card holder (who lives near a store, and whose store visits carry the
 * card id) and {@code guest} otherwise.
 */
final class CustomerSegments {
  /** The persona column's name in the event log. */
  static final String PERSONA = "persona";
  /** The loyalty column's name in the event log. */
  static final String LOYALTY = "loyalty";

  static final String APP_USER = "app_user";
  static final String STORE_SHOPPER = "store_shopper";
  static final String RESEARCHER = "researcher";
  static final String BROWSER = "browser";
  static final String MEMBER = "member";
  static final String GUEST = "guest";

  private CustomerSegments() {}

  /**
   * @param intent the customer's purchase intent (log-normal, mean 1)
   * @param hasApp whether they use the app
   * @param nearStore whether they live near a store
   * @return the customer's persona
   */
  static String persona(double intent, boolean hasApp, boolean nearStore) {
    if (hasApp) {
      return APP_USER;
    }
    if (nearStore) {
      return STORE_SHOPPER;
    }
    return intent >= 1.0 ? RESEARCHER : BROWSER;
  }

  /** @return the customer's loyalty: {@code member} with a loyalty card, else {@code guest} */
  static String loyalty(boolean loyaltyCard) {
    return loyaltyCard ? MEMBER : GUEST;
  }
}
