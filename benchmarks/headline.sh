#!/bin/sh
# Issue 16's headline, every row in one script: each contender against its anchor in the same run, alternating, whole
# processes, with median, min-max, peak RSS and the 1-minute load average, and the ratio of medians to the target.
#
#   benchmarks/headline.sh                                  # every row, default rounds
#   benchmarks/headline.sh paths paths10k cli               # some rows
#   benchmarks/headline.sh --rounds 1 --append spill        # one more round of a row, kept with the earlier ones
#   benchmarks/headline.sh --lock /tmp/tributary-build.lock spark   # each step under the lock, nothing between
#   benchmarks/headline.sh summary                          # rebuild the summary from the rounds recorded so far
#   benchmarks/headline.sh --dry-run all                    # what would run, nothing timed
#
# Rows (default rounds):
#   spark     (3) the Spark job on the 10M-event log, fresh output and re-run into its tables, against the
#                 hand-written Spark SQL job (spark-bench.sh, BENCH_DATA=eventlog BENCH_RERUN=1); targets 0.7, re-run
#                 within 1.1x of fresh
#   readme    (3) the README's job command (spark-jobs/bin/tributary-job ... sample-data ...), fresh and re-run, against
#                 15 s
#   paths     (7) `tributary attribute --paths` Markov order 1 and 3 on a 200,000-path file against ChannelAttribution
#                 2.1.7 (paths-bench.sh); target 0.5, peak RSS below CA's
#   paths10k  (7) the same on the 10,000-path file (../shared/datasets/pathdata.csv), end to end against 0.4 s
#   cli       (5) `tributary attribute` with every model on the 10M-row log against DuckDB's last-touch + linear query
#                 (io.tributary.bench.cli.CliVsDuckDb -Dbench.models=all); target 0.64
#   spill     (3) the same on a 100M-row log (4.3 GB) with -Xmx2g against DuckDB with memory_limit 2GB, both spilling
#                 to the work folder; target 1.0, peak RSS
#
# Options: --rounds N (every selected row), --dir DIR (the work folder, default $HEADLINE_DIR or
# /tmp/tributary-headline), --lock FILE (take this lock with flock around each step: a row's rounds for paths, cli and
# readme, one round for spark and spill, each generated file), --append (keep the rounds recorded before for these
# rows; default: a row starts afresh), --dry-run, --help.
#
# The work folder holds the generated inputs (made once and reused: the 10M- and 100M-row logs of
# EventLogGenerator, seed 20240301; the 200k-path file), the anchors' builds, each row's rounds (times/ROW.tsv: label,
# wall s, peak RSS KB, 1-minute load average at the run's end, exit status; and "#load L" before and after each step)
# and the summary: headline.tsv (machine-readable, one line per measure) and headline.md (the same as a markdown
# table), rebuilt after every call from every row recorded in the folder. benchmarks/results/headline.md is written
# from it.
#
# Anchors: ChannelAttribution from its public source (build-channelattribution.sh; CA_SRC a checkout of it, default a
# clone into the work folder; CA_PYTHONPATH set skips the build; CA_PYTHON default /usr/bin/python3); DuckDB through
# its JDBC driver inside benchmarks.jar; the hand Spark SQL job io.tributary.bench.spark.BaselineSqlJob. The jars must
# be built first: ./mvnw -q -pl cli,spark-jobs,benchmarks -am package -DskipTests.
set -e
all_rows="spark readme paths paths10k cli spill"
usage() {
  sed -n '2,/^set -e$/p' "$0" | sed -e '/^set -e$/d' -e 's/^# \{0,1\}//'
}
die() { # message: a usage error, one line, exit 2
  echo "headline.sh: $1 (see --help)" >&2
  exit 2
}
positive() { # option value
  case "$2" in
    '' | *[!0-9]* | 0 | 0*) die "$1: expected a whole number of at least 1, got \"$2\"" ;;
  esac
}

root=$(cd "$(dirname "$0")/.." && pwd)
work=${HEADLINE_DIR:-/tmp/tributary-headline}
rounds=""
lock=""
append=0
dry=0
rows=""
summary_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds | --dir | --lock)
      [ $# -ge 2 ] || die "$1: expected a value"
      case "$1" in
        --rounds) positive "$1" "$2"; rounds=$2 ;;
        --dir) work=$2 ;;
        --lock) lock=$2 ;;
      esac
      shift 2 ;;
    --rounds=*) positive --rounds "${1#*=}"; rounds=${1#*=}; shift ;;
    --dir=*) work=${1#*=}; shift ;;
    --lock=*) lock=${1#*=}; shift ;;
    --append) append=1; shift ;;
    --dry-run) dry=1; shift ;;
    -h | --help) usage; exit 0 ;;
    all) rows="$rows $all_rows"; shift ;;
    summary) summary_only=1; shift ;;
    spark | readme | paths | paths10k | cli | spill)
      case " $rows " in *" $1 "*) ;; *) rows="$rows $1" ;; esac
      shift ;;
    -*) die "unknown option \"$1\"" ;;
    *) die "unknown row \"$1\" (rows: $all_rows, all, summary)" ;;
  esac
done
[ -n "$rows" ] || [ "$summary_only" = 1 ] || rows=" $all_rows"
[ -n "$work" ] || die "--dir: expected a folder"
case "$work" in /*) ;; *) work=$(pwd)/$work ;; esac

default_rounds() { # row
  case "$1" in
    spark | readme | spill) echo 3 ;;
    paths | paths10k) echo 7 ;;
    cli) echo 5 ;;
  esac
}
rounds_of() { echo "${rounds:-$(default_rounds "$1")}"; }

ev10m="$work/events-10m.csv"
ev100m="$work/events-100m.csv"
cd "$root"

if [ "$dry" = 1 ]; then
  echo "work folder: $work"
  for row in $rows; do
    echo "$row: $(rounds_of "$row") rounds$([ "$append" = 1 ] && echo ", appended to earlier ones")$([ -n "$lock" ] \
      && echo ", under $lock")"
  done
  [ "$summary_only" = 1 ] && echo "summary: from $work/times"
  exit 0
fi

mkdir -p "$work/times"
load1() { cut -d' ' -f1 /proc/loadavg; }
load_mark() { # the 1-minute load average into the current row's rounds, before and after each step
  echo "#load $(load1)" >> "$work/times/$current_row.tsv"
}
locked() { # command... : under the lock when one is given, the load average taken inside it
  if [ -n "$lock" ]; then
    (flock 9 && load_mark && "$@" && load_mark) 9>> "$lock"
  else
    load_mark && "$@" && load_mark
  fi
}
need() { # file... : stops when a build output is missing
  for f in "$@"; do
    [ -f "$f" ] || { echo "headline.sh: no $f; build first: ./mvnw -q -pl cli,spark-jobs,benchmarks -am package" \
      "-DskipTests" >&2; exit 2; }
  done
}
free_gb() { df -P -k "$1" | awk 'NR == 2 { printf "%d", $4 / 1048576 }'; }
generate_events() { # file rows customers
  [ -f "$1" ] && return 0
  echo "generating $1 ($2 rows, once)" >&2
  locked java -cp benchmarks/target/benchmarks.jar io.tributary.bench.cli.EventLogGenerator "$1.part" "$2" "$3" >&2
  mv "$1.part" "$1"
}
start_row() { # row: a fresh times file unless --append
  [ "$append" = 1 ] || : > "$work/times/$1.tsv"
  touch "$work/times/$1.tsv"
  current_row=$1
  echo "== $1: $(rounds_of "$1") rounds, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

# CliVsDuckDb in the work folder, over private copies of the jars (a rebuild must not pull them away mid-run); its
# "round N: duckdb S s M MB, cli S s M MB" lines become the row's rounds.
cli_vs_duckdb() { # row events rounds cli-first java-options...
  row=$1; events=$2; n=$3; first=$4; shift 4
  mkdir -p "$work/lib/cli/target"
  cp benchmarks/target/benchmarks.jar "$work/lib/benchmarks.jar"
  cp cli/target/tributary.jar "$work/lib/cli/target/tributary.jar"
  rm -rf "$work/lib/cli/bin" && cp -R cli/bin "$work/lib/cli/bin" # the launcher a user runs, with its archive
  (cd "$work/lib" && java -Dbench.cliFirst="$first" "$@" -cp benchmarks.jar io.tributary.bench.cli.CliVsDuckDb \
    "$events" "$n") > "$work/$row.log" 2>&1 || { cat "$work/$row.log" >&2; exit 1; }
  ld=$(load1)
  sed -n 's/^round [0-9]*: duckdb \([0-9.]*\) s \([0-9]*\) MB, cli \([0-9.]*\) s \([0-9]*\) MB$/\1 \2 \3 \4/p' \
      "$work/$row.log" | while read -r ds dm cs cm; do
    echo "duckdb $ds $((dm * 1024)) $ld 0"
    echo "tributary $cs $((cm * 1024)) $ld 0"
  done >> "$work/times/$row.tsv"
  grep -h -e '^round' -e '^agreement' "$work/$row.log" | sed "s/^/  $row: /" >&2
}

row_spark() {
  need spark-jobs/target/job-classpath.txt benchmarks/target/benchmarks.jar cli/target/tributary.jar
  generate_events "$ev10m" 10000000 1000000
  # spark-bench.sh's own data folder, pointing at the shared file (it generates the same file when it has none).
  mkdir -p "$work/spark/eventlog-10000000"
  ln -sf "$ev10m" "$work/spark/eventlog-10000000/events.csv"
  for r in $(seq 1 "$(rounds_of spark)"); do
    locked env BENCH_DIR="$work/spark" BENCH_DATA=eventlog BENCH_RERUN=1 BENCH_ROUNDS=1 \
      BENCH_TIMES="$work/times/spark.tsv" benchmarks/spark-bench.sh 10000000 >&2
  done
}

row_readme() {
  need spark-jobs/target/job-classpath.txt
  out="$work/readme-tables"
  # The README's command, tables into the work folder (the README writes target/tributary-tables).
  set -- spark-jobs/bin/tributary-job --from 2024-01-01 --to 2024-02-29 --events sample-data/events.csv \
    --spend sample-data/spend.csv --identities sample-data/identities.csv --consent sample-data/consent.csv \
    --output "$out"
  readme_rounds() {
    # Once untimed: a warm build (the class-data archive made, the files in the page cache), as a user's second run.
    rm -rf "$out"
    "$@" > "$work/readme.log" 2>&1 || { cat "$work/readme.log" >&2; exit 1; }
    for r in $(seq 1 "$(rounds_of readme)"); do
      rm -rf "$out"
      for label in fresh rerun; do
        status=0
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/readme.log" 2>&1 || status=$?
        echo "$label $(tail -n 1 "$work/time.txt") $(load1) $status" >> "$work/times/readme.tsv"
        echo "  readme round $r $label: $(tail -n 1 "$work/time.txt") (s, KB), load $(load1)" >&2
      done
    done
  }
  locked readme_rounds "$@"
}

# paths and paths10k are one run of paths-bench.sh when both are asked for; its times.txt is split between them.
row_paths() { # rows: "paths", "paths10k" or both
  need cli/target/tributary.jar benchmarks/target/benchmarks.jar
  files=""
  case " $1 " in *" paths "*) files="200k" ;; esac
  case " $1 " in *" paths10k "*) files="$files 10k" ;; esac
  n=$(rounds_of paths)
  case " $1 " in *" paths "*) ;; *) n=$(rounds_of paths10k) ;; esac
  current_row=.paths-step
  : > "$work/times/$current_row.tsv"
  ca_python=${CA_PYTHON:-/usr/bin/python3}
  ca_path=${CA_PYTHONPATH:-}
  if [ -z "$ca_path" ]; then
    ca_path=$(locked env CA_OUT="$work/channelattribution" CA_SRC="${CA_SRC:-$work/channelattribution-src}" \
      benchmarks/build-channelattribution.sh) || { ca_path=""; echo "note: ChannelAttribution not built" >&2; }
  fi
  locked env CA_PYTHON="$ca_python" CA_PYTHONPATH="$ca_path" BENCH_DIR="$work/paths" BENCH_ROUNDS="$n" \
    BENCH_FILES="$files" benchmarks/paths-bench.sh >&2
  ld=$(load1)
  for row in $1; do
    file=$([ "$row" = paths ] && echo paths-200k || echo pathdata)
    awk -v f="$file" -v ld="$ld" '{ split($1, k, ":"); if (k[2] == f) print k[1] ":" k[3], $2, $3, ld, 0 }' \
      "$work/paths/times.txt" >> "$work/times/$row.tsv"
    grep '^#load ' "$work/times/$current_row.tsv" >> "$work/times/$row.tsv"
  done
}

row_cli() {
  need cli/target/tributary.jar benchmarks/target/benchmarks.jar
  generate_events "$ev10m" 10000000 1000000
  locked cli_vs_duckdb cli "$ev10m" "$(rounds_of cli)" false -Dbench.models=all
}

row_spill() {
  need cli/target/tributary.jar benchmarks/target/benchmarks.jar
  if [ ! -f "$ev100m" ] && [ "$(free_gb "$work")" -lt 8 ]; then
    echo "headline.sh: the 100M-row log needs 4.3 GB and the runs' spills about 3 GB more; $work has" \
      "$(free_gb "$work") GB free" >&2
    exit 1
  fi
  generate_events "$ev100m" 100000000 10000000
  mkdir -p "$work/duck-spill" "$work/cli-spill"
  # One round a step: a round is about 100 s. Who goes first alternates with the rounds already recorded.
  for r in $(seq 1 "$(rounds_of spill)"); do
    done_rounds=$(grep -c '^tributary ' "$work/times/spill.tsv" || true)
    first=$([ $((done_rounds % 2)) = 1 ] && echo true || echo false)
    locked cli_vs_duckdb spill "$ev100m" 1 "$first" -Dbench.heap=2g -Dbench.duckdbMemory=2GB \
      -Dbench.duckdbTemp="$work/duck-spill" -Dbench.cliArgs="--temp-dir $work/cli-spill"
  done
}

# One line per measure: contender label, anchor label (or =SECONDS for a fixed target), target ratio.
measures() {
  cat << 'EOF'
spark	Spark job 10M, fresh output / hand Spark SQL	tributary-job-10000000	baseline-sql-10000000	0.7
spark	Spark job 10M, re-run / hand Spark SQL	tributary-job-rerun-10000000	baseline-sql-10000000	0.7
spark	Spark job 10M, re-run / fresh	tributary-job-rerun-10000000	tributary-job-10000000	1.1
readme	README job command, fresh / 15 s	fresh	=15	1.0
readme	README job command, re-run / 15 s	rerun	=15	1.0
paths	200k paths, Markov order 1 / ChannelAttribution	tributary:1	ca:1	0.5
paths	200k paths, Markov order 3 / ChannelAttribution	tributary:3	ca:3	0.5
paths10k	10k paths end to end (order 1) / 0.4 s	tributary:1	=0.4	1.0
paths10k	10k paths, Markov order 1 / ChannelAttribution	tributary:1	ca:1	-
paths10k	10k paths, Markov order 3 / ChannelAttribution	tributary:3	ca:3	-
cli	10M rows, all models / DuckDB last touch + linear	tributary	duckdb	0.64
spill	100M rows -Xmx2g / DuckDB memory_limit 2GB	tributary	duckdb	1.0
EOF
}

# headline.tsv and headline.md from every times/ROW.tsv in the work folder.
summary() {
  rev=$(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo unknown)
  [ -z "$(git -C "$root" status --porcelain --untracked-files=no 2> /dev/null)" ] || rev="$rev+changes"
  when=$(date -u '+%Y-%m-%d %H:%M UTC')
  measures | awk -F'\t' -v dir="$work/times" -v rev="$rev" -v when="$when" '
    function load(row,   f, line, a) {
      if (row in loaded) return
      loaded[row] = 1; f = dir "/" row ".tsv"
      while ((getline line < f) > 0) {
        split(line, a, " ")
        if (a[1] == "#load") { if (!(row in lo) || a[2] + 0 < lo[row]) lo[row] = a[2] + 0
          if (a[2] + 0 > hi[row]) hi[row] = a[2] + 0; continue }
        key = row SUBSEP a[1]
        n[key]++; t[key, n[key]] = a[2] + 0
        if (a[3] + 0 > rss[key]) rss[key] = a[3] + 0
        if (!(row in lo) || a[4] + 0 < lo[row]) lo[row] = a[4] + 0
        if (a[4] + 0 > hi[row]) hi[row] = a[4] + 0
        if (a[5] != 0) failed[row]++
      }
      close(f)
    }
    function stats(key,   i, j, x, m) { # sets med, mn, mx of the runs of key
      m = n[key]
      for (i = 1; i <= m; i++) s[i] = t[key, i]
      for (i = 2; i <= m; i++) { x = s[i]; for (j = i - 1; j >= 1 && s[j] > x; j--) s[j + 1] = s[j]; s[j + 1] = x }
      mn = s[1]; mx = s[m]
      med = m % 2 ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
    }
    BEGIN {
      OFS = "\t"
      print "row", "measure", "contender", "runs", "median_s", "min_s", "max_s", "peak_rss_mb", "anchor", \
        "anchor_runs", "anchor_median_s", "anchor_min_s", "anchor_max_s", "anchor_peak_rss_mb", "ratio", "target", \
        "met", "load_1min", "failed_runs", "commit", "summarised"
    }
    {
      row = $1; load(row); c = row SUBSEP $3
      if (!(c in n)) next
      stats(c); cm = med; cmin = mn; cmax = mx
      if ($4 ~ /^=/) {
        am = substr($4, 2) + 0; anchor = "target " am " s"; ar = "-"; amin = "-"; amax = "-"; arss = "-"
      } else {
        a = row SUBSEP $4
        if (!(a in n)) { am = ""; anchor = $4; ar = 0; amin = "-"; amax = "-"; arss = "-" }
        else { stats(a); am = med; anchor = $4; ar = n[a]; amin = sprintf("%.2f", mn); amax = sprintf("%.2f", mx)
          arss = sprintf("%.0f", rss[a] / 1024) }
      }
      ratio = am == "" ? "-" : sprintf("%.2f", cm / am)
      # Met on the unrounded ratio: 0.703 against 0.7 is not met, though it prints as 0.70.
      met = ($5 == "-" || ratio == "-") ? "-" : (cm / am <= $5 + 0 ? "yes" : "no")
      print row, $2, $3, n[c], sprintf("%.2f", cm), sprintf("%.2f", cmin), sprintf("%.2f", cmax), \
        sprintf("%.0f", rss[c] / 1024), anchor, ar, am == "" ? "-" : sprintf("%.2f", am), amin, amax, arss, ratio, \
        $5, met, sprintf("%.2f-%.2f", lo[row], hi[row]), failed[row] + 0, rev, when
    }' > "$work/headline.tsv"
  awk -F'\t' 'NR == 1 {
      print "| measure | contender median (min-max) | peak RSS | anchor median (min-max) | anchor peak RSS | ratio |" \
        " target | met | runs | load avg (1 min) |"
      print "|---|---|---:|---|---:|---:|---:|---|---:|---|"
      next
    }
    {
      anchor = $10 == "-" ? $9 : sprintf("%s s (%s-%s)", $11, $12, $13)
      printf "| %s | %s s (%s-%s) | %s MB | %s | %s | %s | %s | %s | %s | %s |\n", $2, $5, $6, $7, $8, anchor, \
        $14 == "-" ? "-" : $14 " MB", $15, $16 == "-" ? "-" : "<= " $16, $17, $4 ($19 > 0 ? ", " $19 " FAILED" : ""), $18
      commit = $20; when = $21
    }
    END { if (commit != "") printf "\ncommit %s, summarised %s\n", commit, when }' "$work/headline.tsv" \
    > "$work/headline.md"
  cat "$work/headline.md"
}

paths_rows=""
for row in $rows; do
  case "$row" in
    paths | paths10k) start_row "$row"; paths_rows="$paths_rows $row" ;;
  esac
done
[ -z "$paths_rows" ] || row_paths "$paths_rows"
for row in $rows; do
  case "$row" in
    paths | paths10k) ;;
    *) start_row "$row"; "row_$row" ;;
  esac
done
summary
