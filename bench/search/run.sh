#!/usr/bin/env bash
# Hyperparameter search: Loupe's samplers against Optuna's in the same run.
#  - median regret (best loss - known optimum) after 100 trials over 20 seeds on branin and hartmann6
#    for Loupe TPE (default and hyperopt mode), Loupe random, Optuna TPESampler, Optuna RandomSampler;
#  - sampler time per suggestion (one trial's 6 parameters on hartmann6) at 100 and 1,000 completed
#    trials, wall and process CPU time (CPU time is the figure that survives a shared machine).
# Usage: bench/search/run.sh     (builds bench_search in $LOUPE_BUILD_DIR, default build/)
# The machine has 2 cores shared by everyone: run it when `uptime` shows it idle.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${LOUPE_BUILD_DIR:-build}
SEEDS=${SEEDS:-20}
TRIALS=${TRIALS:-100}

if [ ! -x "$BUILD_DIR/bench/search/bench_search" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" --target bench_search -j2
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
loupe_json=$("$BUILD_DIR/bench/search/bench_search" --seeds "$SEEDS" --trials "$TRIALS")
optuna_json=$(/usr/bin/python3 bench/search/optuna_peer.py --seeds "$SEEDS" --trials "$TRIALS")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/python3 - "$loupe_json" "$optuna_json" <<'PY'
import json, sys
loupe, optuna = json.loads(sys.argv[1]), json.loads(sys.argv[2])
rows = [("Loupe TPE (default)", loupe, "tpe_default"), ("Loupe TPE (hyperopt mode)", loupe, "tpe_hyperopt"),
        ("Loupe random", loupe, "random"), (f"Optuna {optuna['optuna']} TPESampler", optuna, "optuna_tpe"),
        (f"Optuna {optuna['optuna']} RandomSampler", optuna, "optuna_random")]
print(f"median regret after {loupe['trials']} trials, {loupe['seeds']} seeds (lower is better)")
print(f"  {'sampler':32} {'branin':>10} {'hartmann6':>10}")
for label, source, key in rows:
    print(f"  {label:32} {source['regret']['branin'][key]:10.4f} {source['regret']['hartmann6'][key]:10.4f}")
def ratio(a, b):
    return a / b if b > 0 else float("inf")
for fn in ("branin", "hartmann6"):
    l, o = loupe["regret"][fn], optuna["regret"][fn]
    print(f"  {fn}: Loupe TPE default / Optuna TPE = {ratio(l['tpe_default'], o['optuna_tpe']):.2f}, "
          f"Loupe TPE default / Loupe random = {ratio(l['tpe_default'], l['random']):.2f}, "
          f"hyperopt mode / Optuna TPE = {ratio(l['tpe_hyperopt'], o['optuna_tpe']):.2f}")
print("sampler time per suggestion, hartmann6, ms (wall / cpu)")
print(f"  {'sampler':32} {'100 trials':>17} {'1,000 trials':>17}")
times = [("Loupe TPE (default)", loupe["suggest_ms"]["tpe_default"]),
         ("Loupe TPE (hyperopt mode)", loupe["suggest_ms"]["tpe_hyperopt"]),
         (f"Optuna {optuna['optuna']} TPESampler", optuna["suggest_ms"]["optuna_tpe"])]
for label, t in times:
    cells = [f"{t[n]['wall']:7.3f} / {t[n]['cpu']:7.3f}" for n in ("100", "1000")]
    print(f"  {label:32} {cells[0]:>17} {cells[1]:>17}")
for n in ("100", "1000"):
    o, l = optuna["suggest_ms"]["optuna_tpe"][n], loupe["suggest_ms"]["tpe_default"][n]
    print(f"  at {n} trials Optuna TPE / Loupe TPE default: {ratio(o['wall'], l['wall']):.0f}x wall, "
          f"{ratio(o['cpu'], l['cpu']):.0f}x cpu")
PY
