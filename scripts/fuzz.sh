#!/usr/bin/env bash
# Fuzzes Loupe's parsers of outside input with libFuzzer under AddressSanitizer + UBSan (tests/fuzz/).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   replay the corpus, then fuzz each target (default 60 s)
#   scripts/fuzz.sh --replay [TARGET...]               only run every corpus file through its target once
# TARGET: csvreader, jsonreader, suiteparser, ... (the folders of tests/fuzz/corpus; default: all of them).
# Builds loupe_core and the targets with clang into build-fuzz (-DLOUPE_CORE_ONLY=ON: no Qt needed; installs
# clang and the clang OpenMP runtime when missing). Targets run one at a time, at nice 19, each on a fresh
# copy of its checked-in corpus (build-fuzz/fuzz-corpus/TARGET; new inputs found stay there until the next
# run), after a replay of the checked-in corpus at full size plus generated inputs too big to check in.
# Prints one line per target: target, seconds, execs, exec/s, corpus size, result. Exits 1 when a target
# failed; the failing input is kept in build-fuzz/fuzz-crashes/ (reproduce: build-fuzz/tests/fuzz/fuzz_TARGET FILE).
# Environment: LOUPE_BUILD_LOCK=FILE builds under flock FILE (shared machines); FUZZ_MAX_LEN (default 8192);
# LOUPE_FUZZ_BUILD_DIR (default build-fuzz).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${LOUPE_FUZZ_BUILD_DIR:-build-fuzz}
CORPUS_DIR=tests/fuzz/corpus
MAX_LEN=${FUZZ_MAX_LEN:-8192}

replay_only=0
seconds=60
targets=()
for arg in "$@"; do
  case "$arg" in
    --replay) replay_only=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    ''|*[!0-9]*) targets+=("${arg#fuzz_}") ;;
    *) seconds=$arg ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  for dir in "$CORPUS_DIR"/*/; do targets+=("$(basename "$dir")"); done
fi
for t in "${targets[@]}"; do
  if [ ! -f "tests/fuzz/fuzz_$t.cpp" ] || [ ! -d "$CORPUS_DIR/$t" ]; then
    echo "fuzz.sh: unknown target '$t' (expected one of: $(cd "$CORPUS_DIR" && echo *))" >&2
    exit 2
  fi
done

# --- tools and build ---------------------------------------------------------------------------------------
need=()
command -v clang++ >/dev/null 2>&1 || need+=(clang)
ls /usr/lib/llvm-*/lib/libomp.so >/dev/null 2>&1 || need+=(libomp-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "fuzz.sh: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

locked() { # runs "$@" under the build lock when one is set
  if [ -n "${LOUPE_BUILD_LOCK:-}" ]; then flock "$LOUPE_BUILD_LOCK" nice -n 5 "$@"; else nice -n 5 "$@"; fi
}
build_start=$(date +%s)
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  GENERATOR=(); command -v ninja >/dev/null 2>&1 && GENERATOR=(-G Ninja)
  locked env CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLOUPE_CORE_ONLY=ON -DLOUPE_BUILD_FUZZ=ON -DLOUPE_BUILD_TESTS=OFF -DLOUPE_BUILD_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" >/dev/null
fi
locked cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null
echo "fuzz.sh: fuzz build took $(( $(date +%s) - build_start )) s"

# --- inputs too big to check in (issue 13: a 100,000-deep template grew memory with the square of the depth)
GENERATED=$BUILD_DIR/fuzz-generated
mkdir -p "$GENERATED"
deep() { # deep DEPTH INNER FILE: DEPTH nested arrays around INNER
  { head -c "$1" /dev/zero | tr '\0' '['; printf '%s' "$2"; head -c "$1" /dev/zero | tr '\0' ']'; } > "$3"
}
[ -f "$GENERATED/deep-100000.json" ] || deep 100000 1 "$GENERATED/deep-100000.json"
[ -f "$GENERATED/deep-100000-empty.json" ] || deep 100000 '' "$GENERATED/deep-100000-empty.json"
generated_for() { # the generated inputs a target takes (JSON text as it is)
  case "$1" in
    jsonreader|suiteparser|modelspec|schedulespec|searchspace|scaler) echo "$GENERATED"/deep-100000*.json ;;
  esac
}
dict_for() {
  case "$1" in
    jsonreader|suiteparser|modelspec|schedulespec|searchspace|scaler|storedruns) echo "-dict=tests/fuzz/json.dict" ;;
    expression) echo "-dict=tests/fuzz/expression.dict" ;;
  esac
}

# --- runs --------------------------------------------------------------------------------------------------
CRASHES=$BUILD_DIR/fuzz-crashes
LOGS=$BUILD_DIR/fuzz-logs
mkdir -p "$CRASHES" "$LOGS"
COMMON=(-rss_limit_mb=2048 -timeout=20 -malloc_limit_mb=2048)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
printf '%-14s %8s %12s %8s %8s  %s\n' target seconds execs exec/s corpus result

# Runs every checked-in and generated input of $1 once, at full size. Prints nothing; sets replay_result.
replay() {
  local t=$1 binary=$BUILD_DIR/tests/fuzz/fuzz_$1 log=$LOGS/$1-replay.log
  local files=("$CORPUS_DIR/$t"/*)
  # shellcheck disable=SC2207
  files+=($(generated_for "$t"))
  replay_count=${#files[@]}
  if nice -n 19 "$binary" "${COMMON[@]}" "${files[@]}" > "$log" 2>&1; then
    replay_result=ok
  else
    local bad
    bad=$(grep '^Running: ' "$log" | tail -1 | sed 's/^Running: //' || true)
    cp "$bad" "$CRASHES/$t-replay-$(basename "$bad")" 2>/dev/null || true
    replay_result="FAILED on $bad (log: $log)"
  fi
}

for t in "${targets[@]}"; do
  replay "$t"
  if [ "$replay_only" -eq 1 ] || [ "$replay_result" != ok ]; then
    [ "$replay_result" = ok ] || failed=1
    printf '%-14s %8s %12s %8s %8s  %s\n' "$t" replay "$replay_count" - "$replay_count" "$replay_result"
    [ "$replay_only" -eq 1 ] && continue
  fi
  [ "$replay_result" = ok ] || continue
  work=$BUILD_DIR/fuzz-corpus/$t
  rm -rf "$work"; mkdir -p "$work"
  cp "$CORPUS_DIR/$t"/* "$work"/
  log=$LOGS/$t.log
  started=$(date +%s)
  # shellcheck disable=SC2046
  if nice -n 19 "$BUILD_DIR/tests/fuzz/fuzz_$t" "${COMMON[@]}" -max_total_time="$seconds" -max_len="$MAX_LEN" \
       -print_final_stats=1 -artifact_prefix="$CRASHES/$t-" $(dict_for "$t") "$work" > "$log" 2>&1; then
    result=ok
  else
    failed=1
    artifact=$(grep -o "Test unit written to [^ ]*" "$log" | tail -1 | sed 's/Test unit written to //' || true)
    result="FAILED: ${artifact:-see $log} (log: $log)"
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  corpus=$(find "$work" -type f | wc -l)
  ran=$(( $(date +%s) - started )) # less than asked when the target failed
  printf '%-14s %8s %12s %8s %8s  %s\n' "$t" "$ran" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
done
exit "$failed"
