#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with ctest (offscreen Qt platform, no display needed).
# scripts/build.sh prints the build's wall time before the tests start; ctest's summary stays the last lines.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
BUILD_DIR=${LOUPE_BUILD_DIR:-build}
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)" "$@"
