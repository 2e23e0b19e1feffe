#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with ctest (offscreen Qt platform, no display needed).
# scripts/build.sh prints the build's wall time before the tests start; ctest's summary stays the last lines.
# Everything a test needs (PostgreSQL, Fashion-MNIST, ...) is installed first, so CI defaults to true here:
# a test that finds a service or data set missing fails instead of skipping (tests/support/RequiredResource.h).
# CI=false scripts/test.sh lets such tests skip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export QT_QPA_PLATFORM=offscreen
export CI=${CI:-true}
BUILD_DIR=${LOUPE_BUILD_DIR:-build}
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)" "$@"
