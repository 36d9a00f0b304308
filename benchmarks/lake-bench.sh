#!/bin/sh
# Nightly run over a growing lake (issue 13, item 4): is the cost flat in history? A Delta event table partitioned
# by event_date (io.tributary.bench.spark.LakeGenerator: the same events every day, the shared dates identical in
# every lake) with each number of days of history given; then the job's nightly run of the last date
# (`--run-date D`: it credits D's conversions and reads D's lookback, by partition pruning), timed end to end (JVM and
# Spark start included), BENCH_REPEAT rounds with the sizes alternating in each; the median and the range are
# reported with the median's ratio to the first history's.
#
#   benchmarks/lake-bench.sh 60 180 365                        # the issue's table: 30,000 events a day
#   BENCH_PER_DAY=200 BENCH_REPEAT=1 benchmarks/lake-bench.sh 3 6   # a smoke run: seconds
#
# Environment: BENCH_DIR (default target/lake-bench), BENCH_PER_DAY (events a day, default 30000), BENCH_LAST (the
# run date and the lake's last date, default 2024-12-31), BENCH_LOOKBACK (days read before the run date, default 30,
# the job's default --lookback), BENCH_REPEAT (default 3), BENCH_XMX (default 4g), BENCH_MASTER (default local[2]),
# BENCH_READ_RANGE (1: also give the read range by hand, --events-from = run date - LOOKBACK days, --events-to = run
# date, as before report windows). The lakes are generated once per size and kept in BENCH_DIR (not timed).
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-$root/target/lake-bench}
per_day=${BENCH_PER_DAY:-30000}
last=${BENCH_LAST:-2024-12-31}
lookback=${BENCH_LOOKBACK:-30}
repeat=${BENCH_REPEAT:-3}
xmx=${BENCH_XMX:-4g}
master=${BENCH_MASTER:-local[2]}
mkdir -p "$dir"
cd "$root"
if [ ! -f spark-jobs/target/job-classpath.txt ] || [ ! -f benchmarks/target/benchmarks.jar ]; then
  ./mvnw -q -B -pl spark-jobs,benchmarks -am package -DskipTests
fi
. "$root/benchmarks/job-lib.sh"
mkdir -p "$dir/lib"
cp "benchmarks/target/benchmarks.jar" "$dir/lib/benchmarks.jar"
cp=$(job_classpath "$root" "$dir/lib")
jvm=$(spark_jvm "$root" "$xmx" "$master")
export SPARK_LOCAL_IP=127.0.0.1
from=$(date -u -d "$last - $lookback days" +%F)

range=""
[ "${BENCH_READ_RANGE:-0}" = 1 ] && range="--events-from $from --events-to $last"
for days in "$@"; do
  lake="$dir/lake-$days-$per_day-$last"
  rm -f "$dir/times-$days"
  if [ ! -d "$lake/_delta_log" ]; then
    # shellcheck disable=SC2086
    java $jvm -cp "$cp:$dir/lib/benchmarks.jar" io.tributary.bench.spark.LakeGenerator "$lake" "$days" "$per_day" \
      "$last" > "$dir/generate-$days.log" 2>&1 || { cat "$dir/generate-$days.log" >&2; exit 1; }
  fi
done
for i in $(seq 1 "$repeat"); do
  for days in "$@"; do
    out="$dir/out-$days"
    rm -rf "$out"
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e" -o "$dir/time.txt" java $jvm -cp "$cp" io.tributary.spark.AttributionJob \
      --run-date "$last" --events "delta:$dir/lake-$days-$per_day-$last" $range --output "$out" \
      > "$dir/run-$days.log" 2>&1 || { cat "$dir/run-$days.log" >&2; exit 1; }
    echo "$(tail -n 1 "$dir/time.txt") $(cut -d' ' -f1 /proc/loadavg)" >> "$dir/times-$days"
    grep -h "time:" "$dir/run-$days.log" | sed "s/^ */  $days days, round $i: /" >&2 || true
  done
done
echo "| history days | events stored | events read | wall s, median of $repeat (min-max) | vs first | load avg |"
echo "|---|---|---|---|---|---|"
first=""
for days in "$@"; do
  median=$(cut -d' ' -f1 "$dir/times-$days" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  spread=$(cut -d' ' -f1 "$dir/times-$days" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f-%.1f", a[1], a[NR] }')
  loads=$(cut -d' ' -f2 "$dir/times-$days" | sort -n | awk '{ a[NR] = $1 } END { print a[1] "-" a[NR] }')
  read_rows=$(sed -n 's/.*rows: \([0-9]*\) read.*/\1/p' "$dir/run-$days.log")
  [ -z "$first" ] && first=$median
  awk -v d="$days" -v s=$((days * per_day)) -v r="$read_rows" -v m="$median" -v f="$first" -v sp="$spread" \
    -v ld="$loads" 'BEGIN { printf "| %d | %d | %d | %.1f (%s) | %.2f | %s |\n", d, s, r, m, sp, m / f, ld }'
done
