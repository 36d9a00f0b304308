#!/bin/sh
# Path-file headline (issue 16, items 3, 4 and 6): `tributary attribute --paths F --models markov` through
# cli/bin/tributary against ChannelAttribution 2.1.7's markov_model in a Python process (benchmarks/ca_markov.py, which
# reads the file with pandas), whole process each, on the same files, in the same run, alternating, Markov order 1
# and 3; plus the CLI alone end to end on the 10,000-path file (target 0.4 s).
#
#   benchmarks/paths-bench.sh                 # 7 rounds
#   BENCH_ROUNDS=15 benchmarks/paths-bench.sh
#
# Files: a 200,000-path file generated once by io.tributary.bench.cli.PathFileGenerator (seed 42, 12 channels, mean
# length 6, ~12.5 MB) into BENCH_DIR, and ../shared/datasets/pathdata.csv (ChannelAttribution's PathData, 10,000 paths)
# when it is there. ChannelAttribution: CA_PYTHON (default python3) must import ChannelAttribution 2.1.7 (with
# CA_PYTHONPATH added to its PYTHONPATH if set); when it cannot, the CA rows are left out and the script says so.
# benchmarks/build-channelattribution.sh builds it from its public source and prints the CA_PYTHONPATH to use.
# Environment: BENCH_DIR (default target/paths-bench), BENCH_ROUNDS (default 7), BENCH_OUT (also write the table to
# this file), BENCH_FILES (which files: "10k 200k", the default, or one of them), BENCH_PATHDATA (the 10,000-path
# file, default ../shared/datasets/pathdata.csv). Every run's wall seconds and peak RSS (KB) stay in
# BENCH_DIR/times.txt, one line each (tributary:FILE:ORDER or ca:FILE:ORDER), for benchmarks/headline.sh. Prints a
# markdown table: median, min-max and peak RSS of each contender, the ratio of medians, and the load average before
# and after. The machine should be quiet; the load average says whether it was.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${BENCH_DIR:-$root/target/paths-bench}
rounds=${BENCH_ROUNDS:-7}
mkdir -p "$dir"
cd "$root"
if [ ! -f cli/target/tributary.jar ] || [ ! -f benchmarks/target/benchmarks.jar ]; then
  ./mvnw -q -B -pl cli,benchmarks -am package -DskipTests
fi
paths200k="$dir/paths-200k.csv"
if [ ! -f "$paths200k" ]; then
  java -cp benchmarks/target/benchmarks.jar io.tributary.bench.cli.PathFileGenerator "$paths200k" 200000 12 6 42
fi
pathdata=${BENCH_PATHDATA:-$root/../shared/datasets/pathdata.csv}
files=""
case " ${BENCH_FILES:-10k 200k} " in *" 200k "*) files="$paths200k" ;; esac
case " ${BENCH_FILES:-10k 200k} " in
  *" 10k "*)
    if [ -f "$pathdata" ]; then
      files="$pathdata $files"
    else
      echo "note: $pathdata not found; the 10,000-path rows are left out" >&2
    fi ;;
esac
[ -n "$files" ] || { echo "BENCH_FILES: expected 10k, 200k or both, got \"${BENCH_FILES:-}\"" >&2; exit 2; }
ca_python=${CA_PYTHON:-python3}
ca=1
if ! PYTHONPATH="${CA_PYTHONPATH:-}${PYTHONPATH:+:$PYTHONPATH}" "$ca_python" -c 'import ChannelAttribution, pandas' \
    > /dev/null 2>&1; then
  ca=0
  echo "note: $ca_python cannot import ChannelAttribution and pandas; the ChannelAttribution rows are left out" >&2
fi
# The first launch builds the CLI's class-data archive; do it before timing anything.
cli/bin/tributary --version > /dev/null

# time LABEL command... : appends "LABEL seconds rss_kb" to $dir/times.txt
time_one() {
  label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$dir/one.txt" "$@" > /dev/null 2> "$dir/err.txt" || {
    echo "FAILED: $*" >&2
    cat "$dir/err.txt" >&2
    exit 1
  }
  echo "$label $(tail -n 1 "$dir/one.txt")" >> "$dir/times.txt"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$dir/times.txt"
round=1
while [ "$round" -le "$rounds" ]; do
  for f in $files; do
    name=$(basename "$f" .csv)
    for order in 1 3; do
      # Alternate who goes first, so that neither always runs on a warmer (or busier) machine.
      if [ $((round % 2)) = 1 ] || [ "$ca" = 0 ]; then
        time_one "tributary:$name:$order" cli/bin/tributary attribute --paths "$f" --models markov \
          --markov-order "$order" --output /dev/null -q
        [ "$ca" = 0 ] || PYTHONPATH="${CA_PYTHONPATH:-}${PYTHONPATH:+:$PYTHONPATH}" time_one "ca:$name:$order" \
          "$ca_python" benchmarks/ca_markov.py "$f" "$order"
      else
        PYTHONPATH="${CA_PYTHONPATH:-}${PYTHONPATH:+:$PYTHONPATH}" time_one "ca:$name:$order" \
          "$ca_python" benchmarks/ca_markov.py "$f" "$order"
        time_one "tributary:$name:$order" cli/bin/tributary attribute --paths "$f" --models markov \
          --markov-order "$order" --output /dev/null -q
      fi
    done
  done
  round=$((round + 1))
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# One row per file and order: median [min-max] and peak RSS of each, ratio of medians.
summary() {
  awk -v rounds="$rounds" -v ca="$ca" '
    function median(key,   n, i, j, t, a) {
      n = split(times[key], a, " ")
      for (i = 2; i <= n; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      lo[key] = a[1]; hi[key] = a[n]
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { key = $1; times[key] = times[key] " " $2; if ($3 > rss[key]) rss[key] = $3
      split(key, k, ":"); if (!(k[2] ":" k[3] in seen)) { seen[k[2] ":" k[3]] = 1; order[++rows] = k[2] ":" k[3] } }
    END {
      print "| file | order | tributary median (min-max) | peak RSS | ChannelAttribution median (min-max) | peak RSS | ratio |"
      print "|---|---:|---|---:|---|---:|---:|"
      for (r = 1; r <= rows; r++) {
        split(order[r], k, ":"); t = "tributary:" order[r]; c = "ca:" order[r]
        mt = median(t)
        line = sprintf("| %s | %s | %.2f s (%.2f-%.2f) | %.0f MB |", k[1], k[2], mt, lo[t], hi[t], rss[t] / 1024)
        if (ca == 1) {
          mc = median(c)
          line = line sprintf(" %.2f s (%.2f-%.2f) | %.0f MB | %.2f |", mc, lo[c], hi[c], rss[c] / 1024, mt / mc)
        } else {
          line = line " - | - | - |"
        }
        print line
      }
    }' "$dir/times.txt"
}
{
  summary
  echo
  echo "$rounds rounds, alternating; load average before $load_before, after $load_after; $(java -version 2>&1 | head -n 1);" \
    "$(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
} | tee "${BENCH_OUT:-/dev/null}"
