#!/usr/bin/env bash
# Growth table of a stored study (issue 24): total time and per-trial cost of N hartmann6 trials
# (random or TPE) for Loupe (bench_growth: the Study + StudyRunner + SqlTrialStore that loupe-cli
# search and worker run) and for Optuna's RDB storage (optuna_growth.py), in the same run.
#   bench/search/growth.sh BACKEND ALGO N [BACKEND ALGO N ...]   one row per triple, appended to $OUT
#   bench/search/growth.sh --table                               prints the table from $OUT
# BACKEND: sqlite (one process, a fresh file) or postgresql (4 workers on a throw-away cluster:
# threads with their own connections for Loupe, processes for Optuna). ALGO: random or tpe.
# Each side stops at $CAP seconds (default 120, Optuna's at $OPTUNA_CAP, default $CAP): a capped
# run reports the trials it finished by then and is marked capped. OPTUNA=0 skips Optuna.
# Per-trial cost: the mean, and the cost of the last tenth of the trials (what one more trial
# costs at that size). Loupe's time is also split into sampler / store read / view copy / store
# write (thread time per trial). Run under the build lock on an idle machine:
#   flock /tmp/loupe-build.lock bench/search/growth.sh sqlite tpe 10000
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${LOUPE_BUILD_DIR:-build}
OUT=${OUT:-$BUILD_DIR/bench-growth.jsonl}
CAP=${CAP:-120}
OPTUNA_CAP=${OPTUNA_CAP:-$CAP}
OPTUNA=${OPTUNA:-1}
WORKERS=${WORKERS:-4}
PG_BIN=${LOUPE_PG_BIN:-/usr/lib/postgresql/15/bin}

if [ "${1:-}" = "--table" ]; then
  /usr/bin/python3 - "$OUT" <<'PY'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
def cell(r):
    if r is None: return "-"
    p = r["per_trial_ms"]
    cap = f" capped at {r['trials']}" if r["capped"] else ""
    return f"{r['seconds']:8.1f} s {p['mean']:7.3f} {p.get('last_10pct', float('nan')):7.3f}{cap}"
print(f"{'backend':10} {'algo':6} {'trials':>7} | {'Loupe: total, ms/trial mean, last 10%':44} | "
      f"{'split ms/trial: sampler read copy write other':46} | Optuna: total, ms/trial mean, last 10%")
for r in rows:
    l, o = r["loupe"], r.get("optuna")
    s = l["split_ms_per_trial"]
    # other: the rest of the wall time per trial (one worker): freeing the history copy in
    # Study::ask, the objective, the runner's bookkeeping.
    other = l["per_trial_ms"]["mean"] - sum(s.values()) if l["workers"] == 1 else float("nan")
    split = f"{s['sampler']:7.3f} {s['store_read']:6.3f} {s['view_copy']:6.3f} {s['store_write']:6.3f} {other:6.3f}"
    print(f"{r['backend']:10} {r['algo']:6} {r['n']:7d} | {cell(l):44} | {split:46} | {cell(o)}"
          f"   (load {r['load_before']} -> {r['load_after']})")
PY
  exit 0
fi

[ -x "$BUILD_DIR/bench/search/bench_growth" ] || { echo "build bench_growth first (LOUPE_BUILD_BENCH=ON)" >&2; exit 2; }
scratch=$(mktemp -d)
pg_started=0
cleanup() {
  if [ "$pg_started" = 1 ]; then
    setpriv --reuid=postgres --regid=postgres --clear-groups "$PG_BIN/pg_ctl" -D "$scratch/pg" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

start_postgres() {
  [ "$pg_started" = 1 ] && return
  chown postgres: "$scratch"
  local as=(setpriv --reuid=postgres --regid=postgres --clear-groups)
  "${as[@]}" "$PG_BIN/initdb" -D "$scratch/pg" -A trust -U loupe -E UTF8 --locale=C --no-sync >/dev/null
  PG_PORT=$((20000 + $$ % 20000))
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$scratch/pg" -l "$scratch/pg.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='' -c fsync=off -c max_connections=100" start >/dev/null
  pg_started=1
}

pg_database() { # creates database $1 and prints nothing
  /usr/bin/python3 - "$PG_PORT" "$1" <<'PY'
import sys, psycopg2
c = psycopg2.connect(host="127.0.0.1", port=int(sys.argv[1]), user="loupe", dbname="postgres")
c.autocommit = True
c.cursor().execute(f"CREATE DATABASE {sys.argv[2]}")
PY
}

while [ $# -ge 3 ]; do
  backend=$1 algo=$2 n=$3
  shift 3
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  if [ "$backend" = sqlite ]; then
    workers=1
    loupe_storage="$scratch/loupe-$algo-$n.sqlite"
    optuna_storage="sqlite:///$scratch/optuna-$algo-$n.db"
  else
    workers=$WORKERS
    start_postgres
    pg_database "loupe_${algo}_$n"
    pg_database "optuna_${algo}_$n"
    loupe_storage="postgresql://loupe@127.0.0.1:$PG_PORT/loupe_${algo}_$n"
    optuna_storage="postgresql://loupe@127.0.0.1:$PG_PORT/optuna_${algo}_$n"
  fi
  loupe=$(OMP_NUM_THREADS=1 "$BUILD_DIR/bench/search/bench_growth" --storage "$loupe_storage" --algo "$algo" \
          --trials "$n" --workers "$workers" --timeout "$CAP")
  optuna=null
  if [ "$OPTUNA" = 1 ]; then
    optuna=$(OMP_NUM_THREADS=1 /usr/bin/python3 bench/search/optuna_growth.py --storage "$optuna_storage" \
             --algo "$algo" --trials "$n" --workers "$workers" --timeout "$OPTUNA_CAP")
  fi
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  line=$(/usr/bin/python3 -c 'import json,sys; print(json.dumps({"backend": sys.argv[1], "algo": sys.argv[2],
    "n": int(sys.argv[3]), "loupe": json.loads(sys.argv[4]), "optuna": json.loads(sys.argv[5]),
    "load_before": sys.argv[6], "load_after": sys.argv[7]}))' "$backend" "$algo" "$n" "$loupe" "$optuna" \
    "$load_before" "$load_after")
  echo "$line" >> "$OUT"
  echo "$line"
done
