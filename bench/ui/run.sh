#!/usr/bin/env bash
# Plot interactions: how long each one (hover, wheel, drag, click, keys, reset) blocks the UI thread on
# 10,000-trial parallel coordinates, 1,000,000-row histogram and failure plots and a 100,000-step batch
# loss (issue 25: at most 50 ms per repaint). Offscreen by default; DISPLAY=... QT_QPA_PLATFORM=xcb
# measures on a real X server (Xvfb).
# Usage: bench/ui/run.sh [--repeat N]     (builds bench_plots in $LOUPE_BUILD_DIR, default build/)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR=${LOUPE_BUILD_DIR:-build}
if [ ! -x "$BUILD_DIR/bench/ui/bench_plots" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" --target bench_plots -j2
fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$BUILD_DIR/bench/ui/bench_plots" "$@" 2>/dev/null
