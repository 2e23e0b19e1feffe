#!/usr/bin/env bash
# Configures and builds Loupe (Release) into ${LOUPE_BUILD_DIR:-build} and prints the build's wall time.
# Uses ccache and mold when they are installed (cmake/LoupeBuildSpeed.cmake); neither is required.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${LOUPE_BUILD_DIR:-build}
GENERATOR=()
if command -v ninja >/dev/null 2>&1; then GENERATOR=(-G Ninja); fi
# Precompiled headers and ccache: let ccache reuse results across the PCH's timestamps.
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}
start=$(date +%s)
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
elapsed=$(( $(date +%s) - start ))
printf 'build: %d min %02d s wall on %s cores\n' $((elapsed / 60)) $((elapsed % 60)) "$(nproc)"
