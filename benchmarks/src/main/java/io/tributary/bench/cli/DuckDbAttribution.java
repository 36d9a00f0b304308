package io.tributary.bench.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The baseline an analyst would write instead of running tributary: one DuckDB SQL query (window functions, 2
 * threads) computing last-touch and linear credit with 30-day journeys straight from the event CSV. Journeys follow
 * SPEC: a conversion closes the journey of the customer's touches since the previous conversion that lie within 30
 * days before it (a touch exactly 30 days old included); ties at one instant put touches first and, for last touch,
 * the greatest channel name last, as the core's JourneyBuilder orders them.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.tributary.bench.cli.DuckDbAttribution EVENTS.csv}; it
 * prints one line per channel and the query's wall time.
 */
public final class DuckDbAttribution {
  /** The query; {@code %s} is the CSV path. */
  static final String QUERY = String.join("\n",
      "WITH ev AS (",
      "  SELECT customer_id, timestamp AS ts, channel, conversion, coalesce(conversion_value, 0) AS v",
      "  FROM read_csv('%s', header = true, columns = {'customer_id': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ',",
      "    'channel': 'VARCHAR', 'conversion': 'INTEGER', 'conversion_value': 'DOUBLE'})",
      "), seq AS (",
      "  SELECT *, coalesce(sum(conversion) OVER (PARTITION BY customer_id ORDER BY ts, conversion",
      "    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS jid",
      "  FROM ev",
      "), conv AS (",
      "  SELECT customer_id, jid, ts AS cts, v FROM seq WHERE conversion = 1",
      "), j AS (",
      "  SELECT s.channel, s.ts, c.customer_id, c.jid, c.v",
      "  FROM seq s JOIN conv c ON s.customer_id = c.customer_id AND s.jid = c.jid",
      "  WHERE s.ts >= c.cts - INTERVAL 30 DAY",
      "), r AS (",
      "  SELECT *, count(*) OVER (PARTITION BY customer_id, jid) AS n,",
      "    row_number() OVER (PARTITION BY customer_id, jid ORDER BY ts DESC, channel DESC) AS rn",
      "  FROM j",
      ")",
      "SELECT channel,",
      "  sum(CASE WHEN rn = 1 THEN 1 ELSE 0 END) AS last_touch_conversions,",
      "  sum(CASE WHEN rn = 1 THEN v ELSE 0 END) AS last_touch_value,",
      "  sum(1.0 / n) AS linear_conversions,",
      "  sum(v / n) AS linear_value",
      "FROM r GROUP BY channel ORDER BY channel");

  private DuckDbAttribution() {}

  /**
   * @param events the event CSV
   * @param threads DuckDB threads
   * @return channel → {last-touch conversions, last-touch value, linear conversions, linear value}
   */
  public static Map<String, double[]> run(Path events, int threads) throws SQLException {
    return run(events, threads, null, null);
  }

  /**
   * As {@link #run(Path, int)} within a memory limit, spilling to a folder (the larger-than-memory comparison).
   *
   * @param memoryLimit DuckDB's {@code memory_limit}, e.g. {@code 2GB}; null for its default (80 % of RAM)
   * @param tempDir DuckDB's {@code temp_directory}; null for its default
   */
  public static Map<String, double[]> run(Path events, int threads, String memoryLimit, Path tempDir)
      throws SQLException {
    Map<String, double[]> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET TimeZone = 'UTC'");
      if (memoryLimit != null) {
        s.execute("SET memory_limit = '" + memoryLimit + "'");
      }
      if (tempDir != null) {
        s.execute("SET temp_directory = '" + tempDir.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      try (ResultSet rs = s.executeQuery(String.format(Locale.ROOT, QUERY,
          events.toAbsolutePath().toString().replace("'", "''")))) {
        while (rs.next()) {
          out.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
            rs.getDouble(5)});
        }
      }
    }
    return out;
  }

  /**
   * Runs the query on {@code args[0]} with {@code args[1]} threads (default 2), optionally within the memory limit
   * {@code args[2]} spilling to {@code args[3]}, and prints the credit and the wall time.
   */
  public static void main(String[] args) throws SQLException {
    long t0 = System.nanoTime();
    Map<String, double[]> credit = run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 2,
        args.length > 2 ? args[2] : null, args.length > 3 ? Path.of(args[3]) : null);
    double seconds = (System.nanoTime() - t0) / 1e9;
    credit.forEach((ch, v) -> System.out.printf(Locale.ROOT, "%s,%s,%s,%s,%s%n", ch, v[0], v[1], v[2], v[3]));
    System.out.printf(Locale.ROOT, "duckdb query wall: %.3f s%n", seconds);
  }
}
