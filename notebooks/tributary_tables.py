"""Reads Tributary's output tables into pandas, as a BI tool would: through DuckDB (JDBC, via JPype).

The Spark job (``--format parquet``) and the CLI write one folder per SPEC table, partitioned by ``run_date``::

    <root>/channel_credit/run_date=2024-03-01/part-*.parquet

``TRIBUTARY_TABLES`` names ``<root>`` (default: ``../target/notebook-tables`` next to this file), and
``DUCKDB_JAR`` the DuckDB JDBC jar (default: the one Maven keeps in ``~/.m2``). Only Debian packages are needed:
``python3-pandas python3-matplotlib python3-jpype``.
"""
import glob
import os

import jpype
import jpype.imports
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("TRIBUTARY_TABLES", os.path.join(HERE, "..", "target", "notebook-tables"))


def _duckdb_jar():
    jar = os.environ.get("DUCKDB_JAR")
    if jar:
        return jar
    found = sorted(glob.glob(os.path.expanduser("~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar")))
    if not found:
        raise RuntimeError("DuckDB JDBC jar not found: set DUCKDB_JAR or run notebooks/run-notebooks.sh")
    return found[-1]


_connection = None


def _connect():
    global _connection
    if _connection is None:
        if not jpype.isJVMStarted():
            jpype.startJVM(classpath=["/usr/share/java/org.jpype.jar", _duckdb_jar()])
        from java.sql import DriverManager
        _connection = DriverManager.getConnection("jdbc:duckdb:")
    return _connection


def sql(query):
    """Runs a DuckDB query and returns a pandas DataFrame (numbers as float, nulls as NaN/None)."""
    statement = _connect().createStatement()
    rs = statement.executeQuery(query)
    meta = rs.getMetaData()
    names = [str(meta.getColumnLabel(i + 1)) for i in range(meta.getColumnCount())]
    rows = []
    while rs.next():
        row = []
        for i in range(len(names)):
            value = rs.getObject(i + 1)
            if value is None:
                row.append(None)
            elif isinstance(value, (jpype.JBoolean,)) or str(value.getClass().getName()) == "java.lang.Boolean":
                row.append(bool(value))
            elif isinstance(value, jpype.JString) or str(value.getClass().getName()) == "java.lang.String":
                row.append(str(value))
            else:
                try:
                    row.append(float(str(value)))
                except ValueError:
                    row.append(str(value))
        rows.append(row)
    statement.close()
    return pd.DataFrame(rows, columns=names)


def table(name, run_date=None):
    """Loads one SPEC table (all run dates, or one) as a DataFrame."""
    path = os.path.join(ROOT, name, "**", "*.parquet")
    if not glob.glob(path, recursive=True):
        raise FileNotFoundError(f"no Parquet files for table {name} under {ROOT}: run notebooks/run-notebooks.sh")
    where = f" WHERE run_date = DATE '{run_date}'" if run_date else ""
    return sql(f"SELECT * FROM read_parquet('{path}', hive_partitioning = true){where}")
