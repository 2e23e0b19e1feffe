#!/usr/bin/env bash
# PII scan benchmark: loupe-cli pii against an equivalent pandas + Python `re` scan (bench/checks/pii_pandas.py:
# same kinds, same validation rules) on the simulator's 1,000,000-row transactions file with the pii-text
# defect, in the same run. Loading is excluded on both sides: each program times its scan alone and reports
# it as "scan_seconds". Best of REPS runs for Loupe, of PANDAS_REPS for pandas (default 1: it takes minutes).
# Prints both times, the ratio (target >= 10x), Loupe's MB/s per core (target >= 50: bytes of the scanned
# text columns / scan seconds / threads) and both finding counts (they must agree).
#
#   bench/checks/run-pii.sh            uses ${LOUPE_BUILD_DIR:-build}/app/loupe-cli
#   ROWS=200000 REPS=5 bench/checks/run-pii.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${LOUPE_BUILD_DIR:-build}
ROWS=${ROWS:-1000000}
REPS=${REPS:-3}
PANDAS_REPS=${PANDAS_REPS:-1}
RATE=${DEFECT_RATE:-0.01}
OUT=bench/out
FILE=$OUT/transactions-$((ROWS / 1000))k-pii.csv
[ "$ROWS" = 1000000 ] && FILE=$OUT/transactions-1m-pii.csv
CLI=$BUILD_DIR/app/loupe-cli
PY=/usr/bin/python3

die() { echo "bench/checks: $*" >&2; exit 2; }
[ -x "$CLI" ] || die "$CLI is not built: run scripts/build.sh"
"$PY" -c "import pandas" 2>/dev/null || die "pandas is missing for $PY: run scripts/setup.sh --bench"

mkdir -p "$OUT"
if [ ! -s "$FILE" ]; then
  echo "generating $FILE ($ROWS rows, seed 7, pii-text defect rate $RATE)"
  "$CLI" simulate --rows "$ROWS" --seed 7 --defects pii-text --defect-rate "$RATE" -o "$FILE" --no-workspace >/dev/null
fi

field() { # field JSON NAME: a number or an object from one-line JSON
  printf '%s' "$1" | "$PY" -c "import json,sys; v=json.load(sys.stdin)[sys.argv[1]]; print(json.dumps(v, sort_keys=True) if isinstance(v, dict) else v)" "$2"
}

# best NAME REPS CMD...: sets BEST (smallest scan_seconds) and BEST_JSON (the JSON of that run).
best() {
  local name=$1 reps=$2; shift 2
  BEST=""
  for _ in $(seq "$reps"); do
    LAST=$("$@") || [ $? -eq 1 ] || die "$name failed"
    local s
    s=$(field "$LAST" scan_seconds)
    if [ -z "$BEST" ] || awk "BEGIN{exit !($s < $BEST)}"; then BEST=$s; BEST_JSON=$LAST; fi
  done
}

SIZE_MB=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$FILE")/1048576}")
echo "file: $FILE ($ROWS rows, $SIZE_MB MiB), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

best "loupe-cli pii" "$REPS" "$CLI" pii "$FILE" --json --no-workspace --max-findings 1000
L_SECONDS=$BEST; L_JSON=$BEST_JSON
L_TOTAL=$(field "$L_JSON" total_findings); L_BYTES=$(field "$L_JSON" text_bytes); L_THREADS=$(field "$L_JSON" threads)
L_CPU=$(field "$L_JSON" scan_cpu_seconds)
printf '%-26s scan %8.3f s   findings %s (best of %s)\n' "loupe-cli pii" "$L_SECONDS" "$L_TOTAL" "$REPS"
echo "  kinds: $(field "$L_JSON" kinds)"

best "pandas + re" "$PANDAS_REPS" "$PY" bench/checks/pii_pandas.py "$FILE"
P_SECONDS=$BEST; P_JSON=$BEST_JSON
printf '%-26s scan %8.3f s   findings %s (best of %s)\n' "pandas + re" "$P_SECONDS" "$(field "$P_JSON" total_findings)" "$PANDAS_REPS"
echo "  kinds: $(field "$P_JSON" kinds)"

awk -v l="$L_SECONDS" -v p="$P_SECONDS" -v b="$L_BYTES" -v t="$L_THREADS" -v c="$L_CPU" 'BEGIN {
  printf "speed-up vs pandas: %.1fx (target >= 10x)\n", p / l
  printf "loupe throughput: %.1f MB of text in %.3f s on %d thread(s) = %.1f MB/s per core (target >= 50)\n", b / 1e6, l, t, b / 1e6 / l / t
  printf "  (processor time of that run: %.3f s = %.1f MB per CPU-second; on a busy machine the wall figure above drops, this one hardly)\n", c, b / 1e6 / c
}'
