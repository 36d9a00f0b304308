#!/bin/sh
# Scale benchmark of the nightly Spark job (issue 5): the real job against a hand-written Spark SQL job
# (io.tributary.bench.spark.BaselineSqlJob in benchmarks/: last-touch and linear credit with window functions), on the same
# event log, in the same run, both with local[2], end to end (JVM and Spark start included).
#
#   benchmarks/spark-bench.sh 1000000 10000000        # event counts; data generated once by `tributary sample`
#   BENCH_DATA=eventlog benchmarks/spark-bench.sh 10000000   # issue 5's file: EventLogGenerator, 433 MB at 10M rows
#
# Environment: BENCH_DIR (default target/spark-bench), BENCH_XMX (default 6g), BENCH_MASTER (default local[2]),
# BENCH_JOB_JVM_FLAGS (default: spark-jobs/conf/jvm.options and cli/bin/page-flags, as the job's launcher starts it),
# BENCH_BASELINE_JVM_FLAGS (default none: the baseline as its author would start it; set it to the job's flags to
# see what the flags alone are worth), BENCH_ROUNDS (default 1: rounds of baseline then job, alternating),
# BENCH_RERUN (1: each round also re-runs the job into the tables it just wrote, as a nightly re-run does),
# BENCH_DATA (sample: `tributary sample` with identities, opt-outs and spend, ~80 bytes an event; eventlog: the CLI
# benchmark's EventLogGenerator, events only, 10 events a customer, ~43 bytes an event, the file issue 5 describes),
# BENCH_TIMES (also append one line per run to this file, for benchmarks/headline.sh: label, wall s, peak RSS KB,
# 1-minute load average, exit status).
# Prints one markdown row per job and size: events, wall seconds, events/s, peak RSS.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-$root/target/spark-bench}
xmx=${BENCH_XMX:-6g}
master=${BENCH_MASTER:-local[2]}
mkdir -p "$dir"
cd "$root"
if [ ! -f spark-jobs/target/job-classpath.txt ] || [ ! -f cli/target/tributary.jar ] \
    || [ ! -f benchmarks/target/benchmarks.jar ]; then
  ./mvnw -q -B -pl spark-jobs,cli,benchmarks -am package -DskipTests
fi
# Private copies of the project's jars: a rebuild in the working tree must not pull them away mid-run.
. "$root/benchmarks/job-lib.sh"
cp=$(job_classpath "$root" "$dir/lib")
jvm=$(spark_jvm "$root" "$xmx" "$master")
export SPARK_LOCAL_IP=127.0.0.1

# The yardstick lives in benchmarks/ (not in the job): its jar joins the class path of its own runs only.
cp "benchmarks/target/benchmarks.jar" "$dir/lib/benchmarks.jar"

default_flags="$(grep -v -e '^#' -e '^ *$' spark-jobs/conf/jvm.options | tr '\n' ' ') $("$root/cli/bin/page-flags")"
job_flags=${BENCH_JOB_JVM_FLAGS-$default_flags}
baseline_flags=${BENCH_BASELINE_JVM_FLAGS:-}

run() { # label events-file out-dir jvm-flags class-path main-class args...
  label=$1; events=$2; out=$3; flags=$4; classpath=$5; shift 5
  status=0
  if [ "${keep_output:-0}" != 1 ]; then rm -rf "$out"; fi
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" java $flags $jvm -cp "$classpath" "$@" > "$dir/$label.log" 2>&1 \
    || status=$?
  secs=$(tail -n 1 "$dir/time.txt" | cut -d' ' -f1)
  rss=$(tail -n 1 "$dir/time.txt" | cut -d' ' -f2)
  rows=$(($(wc -l < "$events") - 1))
  if [ -n "${BENCH_TIMES:-}" ]; then
    echo "$label $secs $rss $(cut -d' ' -f1 /proc/loadavg) $status" >> "$BENCH_TIMES"
  fi
  awk -v l="$label" -v n="$rows" -v s="$secs" -v r="$rss" -v ld="$(cut -d' ' -f1 /proc/loadavg)" -v st="$status" \
    'BEGIN { printf "| %s | %d | %.1f | %.0f | %.2f | %s |%s\n", l, n, s, n / s, r / 1048576, ld, \
      st == 0 ? "" : " FAILED (exit " st ")" }'
}

echo "| job | events | wall s | events/s | peak RSS GB | load avg |"
echo "|---|---|---|---|---|---|"
data_kind=${BENCH_DATA:-sample}
for n in "$@"; do
  data="$dir/$data_kind-$n"
  mkdir -p "$data"
  if [ ! -f "$data/events.csv" ]; then
    if [ "$data_kind" = eventlog ]; then
      java -cp benchmarks/target/benchmarks.jar io.tributary.bench.cli.EventLogGenerator "$data/events.csv" \
        "$n" $((n / 10)) >&2
    else
      # About 4.8 events per customer in `tributary sample`'s model.
      java -jar cli/target/tributary.jar sample --customers $((n * 10 / 48)) --days 60 --no-truth --out "$data" >&2
    fi
  fi
  side=""
  for input in spend identities consent; do
    if [ -f "$data/$input.csv" ]; then side="$side --$input $data/$input.csv"; fi
  done
  round=1
  while [ "$round" -le "${BENCH_ROUNDS:-1}" ]; do
    run "baseline-sql-$n" "$data/events.csv" "$dir/out-baseline-$n" "$baseline_flags" "$cp:$dir/lib/benchmarks.jar" \
      io.tributary.bench.spark.BaselineSqlJob "$data/events.csv" "$dir/out-baseline-$n"
    for variant in tributary-job tributary-job-rerun; do
      if [ "$variant" = tributary-job-rerun ] && [ "${BENCH_RERUN:-0}" != 1 ]; then continue; fi
      keep_output=$([ "$variant" = tributary-job-rerun ] && echo 1 || echo 0)
      # shellcheck disable=SC2086
      run "$variant-$n" "$data/events.csv" "$dir/out-job-$n" "$job_flags" "$cp" io.tributary.spark.AttributionJob \
        --run-date 2024-03-31 --conversions all --events "$data/events.csv" $side --output "$dir/out-job-$n"
      grep -h "time:" "$dir/$variant-$n.log" >&2 || cat "$dir/$variant-$n.log" >&2
    done
    keep_output=0
    round=$((round + 1))
  done
done
