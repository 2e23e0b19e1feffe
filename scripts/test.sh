#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with ctest (offscreen Qt platform, no display needed).
# scripts/build.sh prints the build's wall time before the tests start; ctest's summary follows.
# Then a short fuzz run (scripts/fuzz.sh): every checked-in fuzz input replayed once and each libFuzzer target
# fuzzed for LOUPE_FUZZ_SECONDS (default 3) under ASan/UBSan, in its own clang build (build-fuzz, about 2 min
# clean on 2 cores; ~3 min in all). LOUPE_FUZZ_SECONDS=0 only replays; LOUPE_TEST_FUZZ=0 skips the fuzz step.
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

if [ "${LOUPE_TEST_FUZZ:-1}" != 0 ]; then
  fuzz_start=$(date +%s)
  FUZZ_SECONDS=${LOUPE_FUZZ_SECONDS:-3}
  if [ "$FUZZ_SECONDS" = 0 ]; then scripts/fuzz.sh --replay; else scripts/fuzz.sh "$FUZZ_SECONDS"; fi
  elapsed=$(( $(date +%s) - fuzz_start ))
  printf 'fuzz: %d min %02d s wall (build, replay and %s s per target)\n' $((elapsed / 60)) $((elapsed % 60)) "$FUZZ_SECONDS"
fi
