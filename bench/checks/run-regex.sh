#!/usr/bin/env bash
# Regex benchmark: the 6 tests of bench/checks/suite-regex-1m.json (searches with and without a byte every
# match needs, full matches on every row of three columns) run by Loupe's CheckRunner (bench_checks) against
# the same 6 in pandas + Python re (regex_pandas.py), on the file run-suite.sh uses, in the same run. Load
# time is excluded on both sides (best of REPS runs each). Prints both times, the ratio, Loupe's per-test
# times on one thread (wall and thread CPU) and the failing-row count of every test on both sides (they
# must agree). Every pattern is in the syntax both engines accept, so the figures compare across versions.
#
#   bench/checks/run-regex.sh           uses ${LOUPE_BUILD_DIR:-build}/bench/checks/bench_checks
#   REPS=5 bench/checks/run-regex.sh
# Needs: a Release build, pandas for /usr/bin/python3 (scripts/setup.sh --bench), and the 1M-row file
# (bench/checks/run-suite.sh generates it once).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${LOUPE_BUILD_DIR:-build}
REPS=${REPS:-3}
FILE=bench/out/transactions-1m-defects.csv
SUITE=bench/checks/suite-regex-1m.json
BENCH=$BUILD_DIR/bench/checks/bench_checks
PY=/usr/bin/python3

die() { echo "bench/checks: $*" >&2; exit 2; }
[ -x "$BENCH" ] || die "$BENCH is not built: run scripts/build.sh (or set LOUPE_BUILD_DIR)"
[ -s "$FILE" ] || die "$FILE is missing: run bench/checks/run-suite.sh once to generate it"
"$PY" -c "import pandas" 2>/dev/null || die "pandas is missing for $PY: run scripts/setup.sh --bench"

echo "file: $FILE, suite: $SUITE (6 regex tests), load excluded, best of $REPS, $(nproc) cores"
echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"
LOUPE_JSON=$("$BENCH" "$SUITE" "$FILE" --repeat "$REPS") || die "bench_checks failed: $LOUPE_JSON"
echo "one thread, per test:"
"$BENCH" "$SUITE" "$FILE" --repeat "$REPS" --threads 1 --per-test 2>&1 >/dev/null | sed 's/^/  /'
PANDAS_JSON=$("$PY" bench/checks/regex_pandas.py "$FILE" --repeat "$REPS") || die "regex_pandas.py failed: $PANDAS_JSON"

"$PY" bench/checks/peer.py report "$LOUPE_JSON" "$PANDAS_JSON"
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
