#!/usr/bin/env bash
# Mutation check: do the tests notice small bugs? Applies each mutation below, one at a time, to a
# scratch copy of this tree, rebuilds what changed, runs the tests that should catch it and prints
# caught / MISSED per mutation and the total. Exit status 0 when every mutation was caught, 1 when
# one was missed, 2 when a mutation no longer applies (the code changed: update the list).
#
#   scripts/mutate.sh              every mutation
#   scripts/mutate.sh REGEX        the mutations whose name matches REGEX (grep -E)
#   scripts/mutate.sh --list       the mutations' names
#   LOUPE_MUTATE_TESTS="core/search/tst_tpesampler" scripts/mutate.sh TPE-REGEX
#                                  run these tests for every mutation instead of each one's own list
#                                  (to see what a given set of tests catches)
#
# The scratch copy and its build live in ${LOUPE_MUTATE_DIR:-/tmp/loupe-mutate} and are reused, so a
# rerun rebuilds only the files that differ from this tree (the first run builds the libraries once; a
# mutation then recompiles its file's unity batch and relinks the tests). The build is configured as
# CI's is (unity batches on: the sources rely on them). Builds and test runs take the machine-wide
# build lock (${LOUPE_BUILD_LOCK:-/tmp/loupe-build.lock}) one step at a time, under nice.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${LOUPE_MUTATE_DIR:-/tmp/loupe-mutate}
SRC=$WORK/src
BUILD=$WORK/build
LOCK=${LOUPE_BUILD_LOCK:-/tmp/loupe-build.lock}
LOG=$WORK/log
export CCACHE_BASEDIR=$WORK CCACHE_NOHASHDIR=1

NAMES=() FILES=() FROMS=() TOS=() TESTS=()
# mutation NAME FILE FROM TO TESTS: replace the one occurrence of FROM in FILE by TO; TESTS are test
# folders or files under tests/ (core/search, app/tst_cli), whose executables are built and run.
mutation() {
  NAMES+=("$1") FILES+=("$2") FROMS+=("$3") TOS+=("$4") TESTS+=("$5")
}

# --- the seven of issue 23 (TPE bugs the sampler tests used to miss)
mutation "hyperopt: kernel width from the nearer neighbour" core/search/ParzenEstimator.cpp \
  'i + 1 == count ? left : std::max(left, right)' 'i + 1 == count ? left : std::min(left, right)' core/search
mutation "hyperopt: another minimum width (1/sqrt(1 + K), adaptive_parzen_normal_orig's)" core/search/ParzenEstimator.cpp \
  'priorSigma / std::min(100.0, 1.0 + count)' 'priorSigma / std::sqrt(1.0 + count)' core/search
mutation "linear forgetting off" core/search/ParzenEstimator.cpp \
  'if (n <= window || window <= 0)' 'if (true)' core/search
mutation "prior weight ignored" core/search/ParzenEstimator.cpp \
  'm_weight[n] = priorWeight;' 'm_weight[n] = 1.0;' core/search
mutation "categorical prior pseudo-count dropped" core/search/CategoricalEstimator.cpp \
  'm_probability = prior * (static_cast<double>(categories) * priorWeight);' 'm_probability = prior * 0.0;' core/search
mutation "hyperopt gamma 0.25 -> 0.5" core/search/TpeOptions.cpp \
  'options.gamma = 0.25;' 'options.gamma = 0.5;' core/search
mutation "default gamma 0.2 -> 0.1" core/search/TpeOptions.cpp \
  'options.gamma = 0.2;' 'options.gamma = 0.1;' core/search

# --- more TPE rules
mutation "optuna: kernel width from the nearer neighbour" core/search/ParzenEstimator.cpp \
  'double gap = std::max(here - previous, next - here);' 'double gap = std::min(here - previous, next - here);' core/search
mutation "optuna: another minimum width (n + 1)" core/search/ParzenEstimator.cpp \
  'range / std::min(100.0, n + 2.0)' 'range / std::min(100.0, n + 1.0)' core/search
mutation "hyperopt: prior kernel not among the sorted observations" core/search/ParzenEstimator.cpp \
  'order.insert(position, n); // component n is the prior' 'order.push_back(n);' core/search
mutation "hyperopt: one observation gets the whole prior sigma" core/search/ParzenEstimator.cpp \
  'm_sigma[0] = 0.5 * priorSigma;' 'm_sigma[0] = priorSigma;' core/search
mutation "hyperopt: no division by the accepted mass" core/search/ParzenEstimator.cpp \
  'density -= m_logAccept;' 'density -= 0.0;' core/search
mutation "optuna: components not normalised inside the bounds" core/search/ParzenEstimator.cpp \
  'm_logCoefficient -= m_logMass;' 'm_logCoefficient -= 0.0 * m_logMass;' core/search
mutation "forgetting ramp from 0 instead of 1/n" core/search/ParzenEstimator.cpp \
  ': 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);' ': 1.0 * i / (ramp - 1);' core/search
mutation "categorical counts without forgetting" core/search/CategoricalEstimator.cpp \
  '+= weights[static_cast<Eigen::Index>(i)];' '+= 1.0;' core/search
mutation "optuna categorical kernel: prior / n" core/search/MultivariateParzen.cpp \
  'priorWeight / (n + 1));' 'priorWeight / std::max(n, 1));' core/search
mutation "optuna q-cells not widened" core/search/NumericDomain.cpp \
  ': domain.truncLow - 0.5 * domain.q;' ': domain.truncLow;' core/search
mutation "qloguniform observations not raised to exp(low)" core/search/NumericDomain.cpp \
  '? std::max(domain.valueLow, s_domainEpsilon)' '? s_domainEpsilon' core/search
mutation "hyperopt q-cells of log kinds down to -inf" core/search/NumericDomain.cpp \
  'domain.cellFloor = s_domainEpsilon;' 'domain.cellFloor = 0.0;' core/search
mutation "hyperopt: running trials left out of the split" core/search/TpeSplit.cpp \
  'if (running && options.running == RunningTrials::Ignore)' 'if (running)' core/search
mutation "split keeps the worst trials" core/search/TpeSplit.cpp \
  'std::partial_sort(ranked.begin(), ranked.begin() + count, ranked.end());' \
  'std::partial_sort(ranked.begin(), ranked.begin() + count, ranked.end(), std::greater<>());' core/search
mutation "hyperopt start-up counts finished trials only" core/search/TpeOptions.cpp \
  'options.startupCount = StartupCount::AllTrials;' 'options.startupCount = StartupCount::FinishedTrials;' core/search
mutation "numeric EI ignores g(x)" core/search/TpeSampler.cpp \
  $'const double score = scoreOrWorst(logBelow[c] - logAbove[c]);\n        const bool better = c == 0 || score > bestScore;\n        if (better) {' \
  $'const double score = scoreOrWorst(logBelow[c]);\n        const bool better = c == 0 || score > bestScore;\n        if (better) {' core/search
mutation "joint EI ignores g(x)" core/search/TpeSampler.cpp \
  $'const double score = scoreOrWorst(logBelow[c] - logAbove[c]);\n        const bool better = c == 0 || score > bestScore;\n        if (trace)' \
  $'const double score = scoreOrWorst(logBelow[c]);\n        const bool better = c == 0 || score > bestScore;\n        if (trace)' core/search

# --- the double-precision kernel sums (issue 23's 1e-9 on log-densities)
mutation "kernel terms rounded to single precision" core/search/KernelScorer.cpp \
  'terms[i] = kernelExp(terms[i]);' 'terms[i] = static_cast<float>(kernelExp(terms[i]));' core/search
mutation "kernel exp series cut after r^6" core/search/KernelScorer.cpp \
  'p = std::fma(p, r, 1.0 / 720.0);' 'p = 1.0 / 720.0;' core/search
mutation "kernel scorer drops the last partial block" core/search/KernelScorer.cpp \
  'for (Eigen::Index start = 0; start < total; start += s_scorerBlock) {' \
  'for (Eigen::Index start = 0; start + s_scorerBlock <= total; start += s_scorerBlock) {' core/search
mutation "kernel scorer never redoes an underflowed sum" core/search/KernelScorer.cpp \
  'sum > s_scorerSmallestSum && std::isfinite(sum)' 'std::isfinite(sum)' core/search
mutation "log(w / sigma) in single precision again" core/search/ParzenEstimator.cpp \
  'm_logCoefficient = (m_weight / m_sigma).log() - s_logSqrtTwoPiUnivariate;' \
  'm_logCoefficient = (m_weight / m_sigma).cast<float>().log().cast<double>() - s_logSqrtTwoPiUnivariate;' core/search

# --- the checks issue 23 strengthened
mutation "load --json reports no parse time" app/cli/LoadCommand.cpp \
  'const double seconds = timer.seconds();' 'const double seconds = 0.0 * timer.seconds();' app/tst_cli
mutation "LoadCsvJob reports no parse time" jobs/LoadCsvJob.cpp \
  'loaded.seconds = timer.seconds();' 'loaded.seconds = 0.0 * timer.seconds();' jobs/tst_jobrunner
mutation "scale splits with another seed than it reports" core/prep/TableScaling.cpp \
  '{0.0, request.testFraction}, request.seed);' '{0.0, request.testFraction}, request.seed + 1);' app/tst_cliprepare
mutation "between is not strict by default (both value paths)" core/checks/assertions/BetweenAssertion.cpp \
  'params.flag("strict", true);' 'params.flag("strict", false);' core/checks/tst_checkfastpaths
mutation "a note's last line is dropped" core/checks/report/NoteWrapper.cpp \
  $'    if (!line.empty())\n        out.push_back(line);\n}' $'    if (!line.empty() && out.empty())\n        out.push_back(line);\n}' \
  core/checks/tst_notewrapper

if [ -n "${LOUPE_MUTATE_TESTS:-}" ]; then
  for i in "${!TESTS[@]}"; do TESTS[$i]=$LOUPE_MUTATE_TESTS; done
fi

if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${NAMES[@]}"
  exit 0
fi
filter=${1:-}

mkdir -p "$SRC" "$LOG"
# The scratch copy: this tree's tracked and untracked (not ignored) files; only files that differ are
# copied, with a fresh time stamp, so that ninja rebuilds exactly those.
echo "mutate: syncing $ROOT -> $SRC" >&2
git ls-files -co --exclude-standard -z | while IFS= read -r -d '' f; do
  [ -f "$f" ] || continue
  if ! cmp -s "$f" "$SRC/$f"; then
    mkdir -p "$SRC/$(dirname "$f")"
    cp "$f" "$SRC/$f"
  fi
done

locked() { flock "$LOCK" nice -n 5 "$@"; }

if [ ! -f "$BUILD/build.ninja" ]; then
  locked cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOUPE_BUILD_BENCH=OFF \
    >"$LOG/configure.txt"
fi

# The test executables (targets) and ctest names of a TESTS field.
targets_of() {
  local item f
  for item in $1; do
    if [ -d "tests/$item" ]; then
      for f in tests/"$item"/tst_*.cpp; do basename "$f" .cpp; done
    else
      basename "$item"
    fi
  done
}
ctest_regex_of() {
  local item f names=()
  for item in $1; do
    if [ -d "tests/$item" ]; then
      for f in tests/"$item"/tst_*.cpp; do names+=("${item}/$(basename "$f" .cpp)"); done
    else
      names+=("$item")
    fi
  done
  local IFS='|'
  echo "^(${names[*]})\$"
}

build_and_test() { # TESTS LOGNAME: 0 all pass, 1 a test failed, 2 the build failed
  local targets
  targets=$(targets_of "$1" | tr '\n' ' ')
  # shellcheck disable=SC2086
  if ! locked ninja -C "$BUILD" $targets >"$LOG/$2.build.txt" 2>&1; then
    return 2
  fi
  if locked env QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD" -R "$(ctest_regex_of "$1")" --timeout 600 \
      -j2 >"$LOG/$2.test.txt" 2>&1; then
    return 0
  fi
  return 1
}

# Every mutation must apply to exactly one place.
for i in "${!NAMES[@]}"; do
  count=$(FROM="${FROMS[$i]}" perl -0777 -ne '$n = () = /\Q$ENV{FROM}\E/g; print $n' "$SRC/${FILES[$i]}")
  if [ "$count" != 1 ]; then
    echo "mutate: '${NAMES[$i]}' matches $count places in ${FILES[$i]}; update scripts/mutate.sh" >&2
    exit 2
  fi
done

# The unmutated tree must pass first, or a "caught" would mean nothing.
all_tests=$(printf '%s\n' "${TESTS[@]}" | tr ' ' '\n' | sort -u | tr '\n' ' ')
echo "mutate: building and testing the unmutated copy ($all_tests)" >&2
if ! build_and_test "$all_tests" baseline; then
  echo "mutate: the unmutated tree fails; see $LOG/baseline.*.txt" >&2
  exit 2
fi

caught=0 missed=0 total=0 broken=0
for i in "${!NAMES[@]}"; do
  name=${NAMES[$i]}
  if [ -n "$filter" ] && ! grep -Eq -- "$filter" <<<"$name"; then
    continue
  fi
  file=$SRC/${FILES[$i]}
  cp "$file" "$WORK/original"
  FROM="${FROMS[$i]}" TO="${TOS[$i]}" perl -0777 -i -pe 's/\Q$ENV{FROM}\E/$ENV{TO}/' "$file"
  logname=$(printf 'm%02d' "$i")
  set +e
  build_and_test "${TESTS[$i]}" "$logname"
  result=$?
  set -e
  cp "$WORK/original" "$file" # a fresh time stamp: the next build recompiles the original
  total=$((total + 1))
  case $result in
    1) caught=$((caught + 1))
       # ctest's summary lists the failed tests as "  41 - core/search/tst_tpegolden (Failed)".
       failed=$(sed -nE 's/^[[:space:]]+[0-9]+ - ([^ ]+) \(.*\)$/\1/p' "$LOG/$logname.test.txt" | sed 's|.*/||' | tr '\n' ' ')
       printf 'caught  %s  [%s]\n' "$name" "${failed% }" ;;
    0) missed=$((missed + 1)); printf 'MISSED  %s\n' "$name" ;;
    *) broken=$((broken + 1)); printf 'BUILD   %s  (does not compile; see %s)\n' "$name" "$LOG/$logname.build.txt" ;;
  esac
done
# Leave the build matching the unmutated tree.
build_and_test "$all_tests" after >/dev/null 2>&1 || true

echo "mutate: $caught of $total mutations caught, $missed missed, $broken did not compile"
if [ "$broken" -gt 0 ]; then exit 2; fi
if [ "$missed" -gt 0 ]; then exit 1; fi
exit 0
