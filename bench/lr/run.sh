#!/usr/bin/env bash
# The chapter's range test against the one-pass finder (fastai's lr_find), both on the chapter
# model (resources/models/chapter-mlp.json) and Fashion-MNIST, through loupe-cli lr-find.
# Prints both times, their ratio (target: the one-pass finder costs at most a tenth of the range
# test) and both recommended rates (target: within 4x of each other).
# Usage: bench/lr/run.sh [extra lr-find options for both runs, e.g. --seed 7]
#   LOUPE_BUILD_DIR   build directory holding app/loupe-cli (default build/; built if missing)
#   RANGE_OPTIONS     options for the range test only (default: the chapter's 1e-6, x2, 20 rates)
#   ONEPASS_OPTIONS   options for the one-pass finder only (default: 1e-7 .. 10 over 100 batches)
# The range test trains 20 epochs: minutes. The machine has 2 cores shared by everyone: run it
# when `uptime` shows it idle, and quote the load it prints with the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${LOUPE_BUILD_DIR:-build}
CLI="$BUILD_DIR/app/loupe-cli"
SPEC=resources/models/chapter-mlp.json

if [ ! -x "$CLI" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" --target loupe-cli -j2
fi

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
range_json=$("$CLI" lr-find "$SPEC" --data fashion-mnist --mode range ${RANGE_OPTIONS:-} "$@" --json --no-workspace) || true
echo "load average after the range test: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
onepass_json=$("$CLI" lr-find "$SPEC" --data fashion-mnist --mode onepass ${ONEPASS_OPTIONS:-} "$@" --json --no-workspace) || true
echo "load average after the one-pass finder: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/python3 - "$range_json" "$onepass_json" <<'PY'
import json, sys

def load(text, name):
    try:
        document = json.loads(text)
    except ValueError:
        sys.exit(f"{name}: loupe-cli printed no JSON")
    if "error" in document:
        sys.exit(f"{name}: {document['error']}")
    return document

def rate(value):
    return "none" if value is None else f"{value:.3g}"

ranged, onepass = load(sys.argv[1], "range"), load(sys.argv[2], "onepass")
for name, doc in (("range test", ranged), ("one-pass finder", onepass)):
    s = doc["suggestions"]
    diverged = sum(1 for p in doc["points"] if p["diverged"])
    print(f"{name:16} {doc['seconds']:9.2f} s  {len(doc['points']):3} points ({diverged} diverged)  "
          f"recommended {rate(s['recommended'])} ({s['method']}); minimum/10 {rate(s['minimum'])}, "
          f"steep {rate(s['steep'])}, valley {rate(s['valley'])}")
cost = onepass["seconds"] / ranged["seconds"]
print(f"time one-pass / range: {cost:.4f}  (target <= 0.1: {'met' if cost <= 0.1 else 'MISSED'})")
a, b = ranged["suggestions"]["recommended"], onepass["suggestions"]["recommended"]
if a and b:
    spread = max(a, b) / min(a, b)
    print(f"recommended rates differ by {spread:.2f}x  (target <= 4x: {'met' if spread <= 4 else 'MISSED'})")
else:
    print("a finder recommended no rate: cannot compare")
PY
