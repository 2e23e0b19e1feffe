#!/usr/bin/env bash
# Fuzzes CsvReader with libFuzzer + AddressSanitizer + UBSan for N seconds (default 60). Not run by CI.
#   scripts/fuzz-csv.sh [SECONDS]
# Builds with clang into build-fuzz (installs clang and the clang OpenMP runtime when missing), seeds the
# corpus from tests/fixtures/csv, keeps it in build-fuzz/corpus-csv, and leaves any crashing input in
# build-fuzz/ (crash-*); it exits non-zero when libFuzzer found one.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
BUILD_DIR=build-fuzz

need=()
command -v clang++ >/dev/null 2>&1 || need+=(clang)
[ -e /usr/lib/llvm-14/lib/libomp.so ] || ls /usr/lib/llvm-*/lib/libomp.so >/dev/null 2>&1 || need+=(libomp-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "fuzz-csv: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  GENERATOR=(); command -v ninja >/dev/null 2>&1 && GENERATOR=(-G Ninja)
  CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLOUPE_BUILD_FUZZ=ON -DLOUPE_BUILD_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined"
fi
cmake --build "$BUILD_DIR" --target fuzz_csvreader --parallel 2

CORPUS=$BUILD_DIR/corpus-csv
mkdir -p "$CORPUS"
for f in tests/fixtures/csv/*; do
  # first byte = options (0: sniff, infer, error policy), then the file
  { printf '\000'; cat "$f"; } > "$CORPUS/seed-$(basename "$f")"
done
cd "$BUILD_DIR"
exec ./tests/fuzz/fuzz_csvreader -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 corpus-csv
