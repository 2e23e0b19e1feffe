#!/usr/bin/env bash
# One epoch of the chapter model (Fashion-MNIST, batch 128): Loupe against PyTorch in the same run,
# and Loupe against the machine's own GEMM-bound limit.
# Usage: bench/train/run.sh            (builds bench_train in $LOUPE_BUILD_DIR, default build/)
#        LOUPE_ISA=avx2 bench/train/run.sh
#            the AVX2 path on an AVX-512 machine: Loupe built for x86-64-v3 (AVX2 + FMA, in
#            $LOUPE_BUILD_DIR, default build-avx2/) and OpenBLAS' Haswell kernels, for Loupe and PyTorch.
#            Eigen picks its kernels when it is compiled, so Loupe's own AVX2 path is a build, not
#            a run-time switch (see docs/training-engine.md).
# The machine has 2 cores shared by everyone: run it when `uptime` shows it idle.
set -euo pipefail
cd "$(dirname "$0")/../.."
ISA=${LOUPE_ISA:-native}
case "$ISA" in
  native) BUILD_DIR=${LOUPE_BUILD_DIR:-build}; MARCH=native ;;
  avx2) BUILD_DIR=${LOUPE_BUILD_DIR:-build-avx2}; MARCH=x86-64-v3; export OPENBLAS_CORETYPE=Haswell ;;
  *) echo "run.sh: LOUPE_ISA must be native or avx2, not '$ISA'" >&2; exit 2 ;;
esac
DATA_DIR=${LOUPE_FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}

if [ ! -x "$BUILD_DIR/bench/train/bench_train" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOUPE_BUILD_BENCH=ON -DLOUPE_MARCH="$MARCH" >/dev/null
  cmake --build "$BUILD_DIR" --target bench_train -j2
fi

# Debian 12's OpenBLAS (0.3.21) does not recognise this machine's CPU and falls back to its
# Prescott (SSE3) kernels, which makes PyTorch two to three times slower than it can be. The peer
# gets the fastest kernels the CPU runs, unless the caller chose a core type.
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  if grep -qw avx512f /proc/cpuinfo; then
    export OPENBLAS_CORETYPE=SkylakeX
  elif grep -qw avx2 /proc/cpuinfo; then
    export OPENBLAS_CORETYPE=Haswell
  fi
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); Loupe's instruction set: $ISA"
echo "CPU flags: $(grep -m1 -w flags /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx|avx2|fma|avx512f|avx512bw|avx512vl|avx512dq|avx512_vnni|avx512_bf16)$' | tr '\n' ' ')"
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>} (for PyTorch and for the OpenBLAS SGEMM rates below)"
loupe_json=$("$BUILD_DIR/bench/train/bench_train" --data "$DATA_DIR" --json)
torch_json=$(/usr/bin/python3 bench/train/torch_epoch.py --data "$DATA_DIR")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/python3 - "$loupe_json" "$torch_json" <<'PY'
import json, sys
loupe, torch = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print("SGEMM GFLOP/s at batch 128 (forward, weight gradient, input gradient):")
for g in loupe["gemm"]:
    line = (f"  {g['shape']:>12}  eigen {g['eigen'][0]:6.1f} {g['eigen'][1]:6.1f} {g['eigen'][2]:6.1f}"
            f"   loupe split {g['loupe_split'][0]:6.1f} {g['loupe_split'][1]:6.1f} {g['loupe_split'][2]:6.1f}")
    if "openblas_split" in g:
        line += f"   openblas split {g['openblas_split'][0]:6.1f} {g['openblas_split'][1]:6.1f} {g['openblas_split'][2]:6.1f}"
    if "openblas" in g:
        line += f"   openblas({loupe['openblas_core']}) threads {g['openblas'][0]:6.1f} {g['openblas'][1]:6.1f} {g['openblas'][2]:6.1f}"
    print(line)
    print(f"  {'':>12}  Loupe runs: {', '.join(g['chosen'])}")
print(f"machine key: {loupe['machine']}; OpenMP wait policy: {loupe['wait_policy']}")
print(f"training FLOPs per epoch:  {loupe['training_gflop']:.1f} GFLOP")
print(f"GEMM-bound limit:          {loupe['gemm_bound_seconds']:.3f} s/epoch (training FLOPs at the best rate measured for each GEMM)")
print(f"Loupe:                     {loupe['seconds_per_epoch']:.3f} s/epoch, median of {loupe['epoch_times']} "
      f"({loupe['ratio_to_gemm_bound']:.2f}x the GEMM-bound limit), test accuracy {loupe['test_accuracy']:.4f}")
print(f"PyTorch {torch['torch']} ({torch['threads']} threads, {torch['blas']}): "
      f"{torch['seconds_per_epoch']:.3f} s/epoch, test accuracy {torch['test_accuracy']:.4f}")
print(f"speed-up over PyTorch:     {torch['seconds_per_epoch'] / loupe['seconds_per_epoch']:.2f}x")
print(f"targets: <= 1.2x the limit: {'met' if loupe['ratio_to_gemm_bound'] <= 1.2 else 'MISSED'}; "
      f">= 6x PyTorch: {'met' if torch['seconds_per_epoch'] / loupe['seconds_per_epoch'] >= 6 else 'MISSED'}")
PY
