#!/usr/bin/env bash
# Runs the Tributary job on sample-data/ (Parquet output), then executes every notebook headless.
#   notebooks/run-notebooks.sh            check: execute into target/, leave the committed notebooks as they are
#   notebooks/run-notebooks.sh --update   also store the fresh outputs in the committed notebooks
# Needs Debian's jupyter-nbconvert python3-nbclient python3-ipykernel python3-pandas python3-matplotlib python3-jpype
# (.ci/run installs them). Prints "notebooks: N passed, M failed" and exits non-zero when any notebook fails.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
update=0
[ "${1:-}" = "--update" ] && update=1

tables="$root/target/notebook-tables"
lib="$root/target/notebook-lib"
executed="$root/target/notebooks-executed"
rm -rf "$tables" "$executed"
mkdir -p "$lib" "$executed"

# The job on the shipped sample data, with bootstrap intervals for the model-comparison chart and lifetime value
# (--clv) for the lifetime notebook.
"$root/spark-jobs/bin/tributary-job" --events "$root/sample-data/events.csv" --spend "$root/sample-data/spend.csv" \
  --identities "$root/sample-data/identities.csv" --consent "$root/sample-data/consent.csv" \
  --run-date 2024-03-01 --conversions all --bootstrap 50 --seed 7 --clv --format parquet --output "$tables" || {
  echo "notebooks: 0 passed, 1 failed (the job did not produce the tables)"
  exit 1
}
# The same data as a backfill, one run_date per conversion date (notebook 04's daily trend).
daily="$root/target/notebook-daily-tables"
rm -rf "$daily"
"$root/spark-jobs/bin/tributary-job" --events "$root/sample-data/events.csv" --spend "$root/sample-data/spend.csv" \
  --identities "$root/sample-data/identities.csv" --consent "$root/sample-data/consent.csv" \
  --from 2024-01-01 --to 2024-02-29 --format parquet --output "$daily" || {
  echo "notebooks: 0 passed, 1 failed (the job did not produce the daily tables)"
  exit 1
}
export TRIBUTARY_DAILY_TABLES="$daily"
# The same data credited per customer segment (notebook 06): every table gains a persona and a loyalty column.
segments="$root/target/notebook-segment-tables"
rm -rf "$segments"
"$root/spark-jobs/bin/tributary-job" --events "$root/sample-data/events.csv" --spend "$root/sample-data/spend.csv" \
  --identities "$root/sample-data/identities.csv" --consent "$root/sample-data/consent.csv" \
  --run-date 2024-03-01 --conversions all --segment-by persona,loyalty \
  --models first_touch,last_touch,linear,position_based,time_decay,markov --format parquet --output "$segments" || {
  echo "notebooks: 0 passed, 1 failed (the job did not produce the segmented tables)"
  exit 1
}
export TRIBUTARY_SEGMENT_TABLES="$segments"

# DuckDB's JDBC driver reads the Parquet tables from Python through JPype.
if ! ls "$lib"/duckdb_jdbc-*.jar >/dev/null 2>&1; then
  (cd "$root" && ./mvnw -q -B dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:1.5.6.0 \
    -DoutputDirectory="$lib") || { echo "notebooks: 0 passed, 1 failed (no DuckDB JDBC jar)"; exit 1; }
fi
export DUCKDB_JAR=$(ls "$lib"/duckdb_jdbc-*.jar | head -n 1)
export TRIBUTARY_TABLES="$tables"

passed=0
failed=0
for nb in "$here"/*.ipynb; do
  name=$(basename "$nb")
  # Debian's jupyter: the pyenv python on PATH has no nbconvert.
  if (cd "$here" && /usr/bin/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
      --output-dir "$executed" "$name" >"$executed/$name.log" 2>&1); then
    passed=$((passed + 1))
    echo "notebook $name: ok"
    if [ "$update" = 1 ]; then
      cp "$executed/$name" "$nb"
    fi
  else
    failed=$((failed + 1))
    echo "notebook $name: FAILED"
    tail -n 30 "$executed/$name.log"
  fi
done
echo "notebooks: $passed passed, $failed failed"
[ "$failed" = 0 ]
