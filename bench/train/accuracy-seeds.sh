#!/usr/bin/env bash
# Test accuracy after one epoch of the chapter model, over several seeds, in Loupe and in PyTorch
# (with PyTorch's own initialisation and with Keras', and with PyTorch's own RMSprop defaults), so
# that one lucky or unlucky seed is not mistaken for a difference between the engines. Prints each
# engine's mean, spread, median and how many seeds reach the issue's 0.84. Accuracy does not depend
# on the machine's load.
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
  torchopt=$(/usr/bin/python3 bench/train/torch_epoch.py --data "$DATA_DIR" --seed "$seed" --init torch --rmsprop torch)
  echo "$seed|$loupe|$torch|$keras|$torchopt" >> "$results"
  echo "seed $seed done" >&2
done

/usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = []
for line in open(sys.argv[1]):
    seed, *runs = line.rstrip("\n").split("|")
    rows.append((int(seed), *[json.loads(run)["test_accuracy"] for run in runs]))
names = ["Loupe", "PyTorch, its init", "PyTorch, Keras' init", "PyTorch, its RMSprop"]
print("test accuracy after one epoch (chapter model, Fashion-MNIST, batch 128, RMSprop lr 0.001;")
print("Keras' rho 0.9 / eps 1e-7 except the last column, which uses PyTorch's alpha 0.99 / eps 1e-8)")
print(f"{'seed':>4}  " + "  ".join(f"{name:>20}" for name in names))
for row in rows:
    print(f"{row[0]:>4}  " + "  ".join(f"{value:20.4f}" for value in row[1:]))
def summary(values):
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    reached = sum(value >= 0.84 for value in values)
    return (f"mean {statistics.mean(values):.4f} ± {sd:.4f}  median {statistics.median(values):.4f}  "
            f"min {min(values):.4f}  max {max(values):.4f}  >= 0.84: {reached}/{len(values)}")
for index, name in enumerate(names):
    print(f"{name + ':':<22}{summary([row[index + 1] for row in rows])}")
PY
