package io.tributary.cli.output;

import io.tributary.core.Errors;
import io.tributary.core.TributaryException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/**
 * Writes tables as Parquet files through DuckDB's JDBC driver, which is not bundled: the CLI jar stays free of
 * Hadoop and Parquet libraries, and only a user who asks for Parquet puts DuckDB beside it
 * ({@code java -cp tributary.jar:duckdb_jdbc.jar io.tributary.cli.Main ...}). Column types are the core's: text
 * (and {@code run_date}) {@code VARCHAR}, whole numbers {@code BIGINT}, decimal numbers {@code DOUBLE}; nulls stay
 * null.
 */
public final class ParquetTableWriter {
  private static final String DRIVER = "org.duckdb.DuckDBDriver";

  private ParquetTableWriter() {}

  /**
   * @param tables the tables, each written to {@code dir/NAME.parquet}
   * @param dir the output directory, created when missing
   * @throws TributaryException when DuckDB's driver is not on the class path (bad usage, exit 2) or a write fails
   *     (a failure, exit 1)
   */
  public static void write(List<Table> tables, Path dir) {
    try {
      Class.forName(DRIVER);
    } catch (ClassNotFoundException e) {
      throw new TributaryException("--format parquet needs DuckDB's JDBC driver on the class path, e.g. "
          + "java -cp tributary.jar:duckdb_jdbc-1.5.6.0.jar io.tributary.cli.Main attribute ... "
          + "(or use --format csv or json)");
    }
    try {
      Files.createDirectories(dir);
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
        for (Table t : tables) {
          writeOne(c, t, dir.resolve(t.name() + ".parquet"));
        }
      }
    } catch (SQLException | java.io.IOException e) {
      throw Errors.cannotWrite("Parquet to " + dir, e);
    }
  }

  private static void writeOne(Connection c, Table t, Path file) throws SQLException {
    int n = t.columns().size();
    int[] types = new int[n];
    StringBuilder create = new StringBuilder("CREATE OR REPLACE TABLE \"").append(t.name()).append("\" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < n; i++) {
      types[i] = sqlType(t, i);
      create.append(i == 0 ? "" : ", ").append('"').append(t.columns().get(i)).append("\" ")
          .append(types[i] == Types.VARCHAR ? "VARCHAR" : types[i] == Types.BIGINT ? "BIGINT" : "DOUBLE");
      marks.append(i == 0 ? "?" : ", ?");
    }
    try (Statement s = c.createStatement()) {
      s.execute(create.append(')').toString());
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO \"" + t.name() + "\" VALUES (" + marks + ")")) {
      int batch = 0;
      for (List<Object> row : t.rows()) {
        for (int i = 0; i < n; i++) {
          Object v = row.get(i);
          if (v == null) {
            ps.setNull(i + 1, types[i]);
          } else if (types[i] == Types.VARCHAR) {
            ps.setString(i + 1, v.toString());
          } else if (types[i] == Types.BIGINT) {
            ps.setLong(i + 1, (Long) v);
          } else {
            ps.setDouble(i + 1, v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue());
          }
        }
        ps.addBatch();
        if (++batch == 10_000) {
          ps.executeBatch();
          batch = 0;
        }
      }
      if (batch > 0) {
        ps.executeBatch();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("COPY \"" + t.name() + "\" TO '" + file.toAbsolutePath().toString().replace("'", "''")
          + "' (FORMAT parquet)");
      s.execute("DROP TABLE \"" + t.name() + "\"");
    }
  }

  /* The core's column types: run_date is written as text, as in CSV and JSON. */
  private static int sqlType(Table t, int column) {
    return switch (t.types().get(column)) {
      case TEXT, DATE, TIMESTAMP -> Types.VARCHAR;
      case LONG -> Types.BIGINT;
      case DOUBLE -> Types.DOUBLE;
    };
  }
}
