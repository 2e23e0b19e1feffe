#!/usr/bin/env bash
# Test accuracy after one epoch of the chapter model, over several seeds, in Loupe and in PyTorch
# (with PyTorch's own initialisation and with Keras'), so that one lucky or unlucky seed is not
# mistaken for a difference between the engines. Accuracy does not depend on the machine's load.
# Usage: bench/train/accuracy-seeds.sh [SEEDS]     (default SEEDS = 5: seeds 1..5)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${LOUPE_BUILD_DIR:-build}
DATA_DIR=${LOUPE_FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
SEEDS=${1:-5}
if ! [[ "$SEEDS" =~ ^[1-9][0-9]*$ ]]; then
  echo "accuracy-seeds.sh: SEEDS must be a positive whole number, not '$SEEDS'" >&2
  exit 2
fi

# OpenBLAS 0.3.21 runs its slow Prescott kernels on this CPU unless told (see run.sh); speed only.
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  if grep -qw avx512f /proc/cpuinfo; then
    export OPENBLAS_CORETYPE=SkylakeX
  elif grep -qw avx2 /proc/cpuinfo; then
    export OPENBLAS_CORETYPE=Haswell
  fi
fi

if [ ! -x "$BUILD_DIR/bench/train/bench_train" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" --target bench_train -j2
fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for seed in $(seq 1 "$SEEDS"); do
  loupe=$("$BUILD_DIR/bench/train/bench_train" --data "$DATA_DIR" --seed "$seed" --repeat 1 --json)
  torch=$(/usr/bin/python3 bench/train/torch_epoch.py --data "$DATA_DIR" --seed "$seed" --init torch)
  keras=$(/usr/bin/python3 bench/train/torch_epoch.py --data "$DATA_DIR" --seed "$seed" --init keras)
  echo "$seed|$loupe|$torch|$keras" >> "$results"
  echo "seed $seed done" >&2
done

/usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = []
for line in open(sys.argv[1]):
    seed, loupe, torch, keras = line.rstrip("\n").split("|")
    rows.append((int(seed), json.loads(loupe)["test_accuracy"], json.loads(torch)["test_accuracy"],
                 json.loads(keras)["test_accuracy"]))
print("test accuracy after one epoch (chapter model, Fashion-MNIST, batch 128, RMSprop 0.001)")
print(f"{'seed':>4}  {'Loupe':>7}  {'PyTorch':>7}  {'PyTorch, Keras init':>19}")
for seed, a, b, c in rows:
    print(f"{seed:>4}  {a:7.4f}  {b:7.4f}  {c:19.4f}")
def summary(values):
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.mean(values):.4f} ± {sd:.4f} (min {min(values):.4f}, max {max(values):.4f})"
print(f"Loupe:                       {summary([r[1] for r in rows])}")
print(f"PyTorch (its own init):      {summary([r[2] for r in rows])}")
print(f"PyTorch (Keras' init):       {summary([r[3] for r in rows])}")
PY
