#!/usr/bin/env bash
# CSV load benchmark: Loupe's CsvReader against pandas.read_csv(..., parse_dates=[timestamp, birth_date])
# on the same 1,000,000-row transactions file, in the same run. Best of REPS runs each; peak RSS of each
# process from /usr/bin/time. Prints both times, the ratio, and both peak RSS values.
#
#   bench/csv/run.sh                 uses ${LOUPE_BUILD_DIR:-build}/app/loupe-cli (or bench/csv/bench_csv)
#   ROWS=200000 REPS=5 bench/csv/run.sh
# Needs: a Release build (scripts/build.sh), /usr/bin/time (package time), pandas (scripts/setup.sh --bench).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${LOUPE_BUILD_DIR:-build}
ROWS=${ROWS:-1000000}
REPS=${REPS:-3}
OUT=bench/out
FILE=$OUT/transactions-$((ROWS / 1000))k.csv
[ "$ROWS" = 1000000 ] && FILE=$OUT/transactions-1m.csv
CLI=$BUILD_DIR/app/loupe-cli
BENCH=$BUILD_DIR/bench/csv/bench_csv
PY=/usr/bin/python3

die() { echo "bench/csv: $*" >&2; exit 2; }
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: install the 'time' package (scripts/setup.sh)"
[ -x "$CLI" ] || [ -x "$BENCH" ] || die "neither $CLI nor $BENCH is built: run scripts/build.sh"
"$PY" -c "import pandas" 2>/dev/null || die "pandas is missing for $PY: run scripts/setup.sh --bench"

mkdir -p "$OUT"
if [ ! -s "$FILE" ]; then
  echo "generating $FILE ($ROWS rows, seed 7)"
  if [ -x "$CLI" ]; then
    "$CLI" simulate --rows "$ROWS" --seed 7 -o "$FILE" --no-workspace >/dev/null
  else
    "$PY" bench/csv/gen_transactions.py --rows "$ROWS" --seed 7 -o "$FILE"
  fi
fi

# run NAME CMD...: REPS runs; sets BEST_PARSE (the "seconds" the program reports), BEST_WALL, PEAK_KB.
run() {
  local name=$1; shift
  BEST_PARSE=""; BEST_WALL=""; PEAK_KB=0
  local stats out parse wall kb
  stats=$(mktemp)
  for _ in $(seq "$REPS"); do
    out=$(/usr/bin/time -f "%e %M" -o "$stats" "$@") || die "$name failed: $out"
    parse=$(printf '%s\n' "$out" | grep -o '"seconds": *[0-9.e+-]*' | head -1 | sed 's/.*: *//')
    read -r wall kb < "$stats"
    [ -n "$parse" ] || die "$name printed no \"seconds\": $out"
    if [ -z "$BEST_PARSE" ] || awk "BEGIN{exit !($parse < $BEST_PARSE)}"; then BEST_PARSE=$parse; fi
    if [ -z "$BEST_WALL" ] || awk "BEGIN{exit !($wall < $BEST_WALL)}"; then BEST_WALL=$wall; fi
    [ "$kb" -gt "$PEAK_KB" ] && PEAK_KB=$kb
  done
  rm -f "$stats"
}

report() { # report LABEL
  printf '%-22s parse %7.3f s   process %6.2f s   peak RSS %6.0f MB\n' "$1" "$BEST_PARSE" "$BEST_WALL" "$(awk "BEGIN{print $PEAK_KB/1024}")"
}

SIZE_MB=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$FILE")/1048576}")
echo "file: $FILE ($ROWS rows, $SIZE_MB MiB), best of $REPS, $(nproc) cores; other load on the machine makes times noisy"

if [ -x "$CLI" ]; then
  run "loupe-cli load" "$CLI" load "$FILE" --json --no-workspace
  LABEL="loupe-cli load"
else
  run "bench_csv" "$BENCH" "$FILE"
  LABEL="bench_csv (CsvReader)"
fi
L_PARSE=$BEST_PARSE; L_WALL=$BEST_WALL; L_KB=$PEAK_KB
report "$LABEL"
if [ -x "$CLI" ] && [ -x "$BENCH" ]; then
  run "bench_csv" "$BENCH" "$FILE"
  report "bench_csv (CsvReader)"
fi

run "pandas" "$PY" bench/csv/pandas_load.py "$FILE"
P_PARSE=$BEST_PARSE; P_WALL=$BEST_WALL; P_KB=$PEAK_KB
report "pandas read_csv"

awk -v lp="$L_PARSE" -v pp="$P_PARSE" -v lw="$L_WALL" -v pw="$P_WALL" -v lk="$L_KB" -v pk="$P_KB" 'BEGIN {
  printf "speed-up vs pandas: parse %.2fx, process %.2fx (target >= 4x)\n", pp / lp, pw / lw
  printf "peak RSS: loupe %.0f MB, pandas %.0f MB (loupe/pandas %.2f; target <= 1)\n", lk / 1024, pk / 1024, lk / pk
}'
