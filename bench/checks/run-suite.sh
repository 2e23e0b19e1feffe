#!/usr/bin/env bash
# Data-test suite benchmark: the 10 tests of bench/checks/suite-1m.json run by Loupe's CheckRunner
# (bench_checks) against the same 10 tests in pandas + Python re (suite_pandas.py), on the simulator's
# 1,000,000-row transactions with every planted defect, in the same run. Load time is EXCLUDED on both
# sides: each program loads the CSV first and times only the tests (best of REPS runs each). Prints both
# times (wall, and process CPU, which other load on a shared machine distorts less), the ratios, and the
# failing-row count of every test on both sides (they must agree).
#
#   bench/checks/run-suite.sh                  uses ${LOUPE_BUILD_DIR:-build}/bench/checks/bench_checks
#   REPS=5 bench/checks/run-suite.sh
# Needs: a Release build (scripts/build.sh), pandas for /usr/bin/python3 (scripts/setup.sh --bench).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${LOUPE_BUILD_DIR:-build}
REPS=${REPS:-3}
OUT=bench/out
FILE=$OUT/transactions-1m-defects.csv
SUITE=bench/checks/suite-1m.json
CLI=$BUILD_DIR/app/loupe-cli
BENCH=$BUILD_DIR/bench/checks/bench_checks
PY=/usr/bin/python3

die() { echo "bench/checks: $*" >&2; exit 2; }
[ -x "$BENCH" ] || die "$BENCH is not built: run scripts/build.sh (or set LOUPE_BUILD_DIR)"
"$PY" -c "import pandas" 2>/dev/null || die "pandas is missing for $PY: run scripts/setup.sh --bench"

mkdir -p "$OUT"
if [ ! -s "$FILE" ]; then
  [ -x "$CLI" ] || die "$CLI is not built (needed once to simulate $FILE)"
  echo "generating $FILE (1000000 rows, seed 7, every defect at rate 0.001)"
  "$CLI" simulate --rows 1000000 --seed 7 --defects birth-dates,duplicate-ids,out-of-order,pii-text,negative-amounts \
    -o "$FILE" --no-workspace >/dev/null
fi

SIZE_MB=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$FILE")/1048576}")
echo "file: $FILE (1000000 rows, $SIZE_MB MiB), suite: $SUITE (10 tests), load excluded, best of $REPS, $(nproc) cores"
echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"

LOUPE_JSON=$("$BENCH" "$SUITE" "$FILE" --repeat "$REPS") || die "bench_checks failed: $LOUPE_JSON"
PANDAS_JSON=$("$PY" bench/checks/suite_pandas.py "$FILE" --repeat "$REPS") || die "suite_pandas.py failed: $PANDAS_JSON"

"$PY" bench/checks/peer.py report --targets "$LOUPE_JSON" "$PANDAS_JSON"
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
