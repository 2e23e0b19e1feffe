#!/usr/bin/env bash
# Installs the Debian 12 packages Loupe needs. Idempotent: does nothing when everything is present.
#   scripts/setup.sh          build, test (clang and libomp-dev: the fuzz build) and run (what scripts/run.sh
#                             and scripts/test.sh call)
#   scripts/setup.sh --bench  also the peers the benchmarks measure against (pandas, PyTorch, Optuna with
#                             its PostgreSQL driver, scikit-learn, scipy)
# Needs root (or sudo) only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build mold pkg-config git time
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6sql6-sqlite libqt6sql6-psql libqt6svg6
  qt6-qpa-plugins libqt6opengl6-dev
  libqcustomplot-dev libeigen3-dev nlohmann-json3-dev zlib1g-dev libgl-dev
  libopenblas-dev libopenblas0-pthread libre2-dev
  xvfb xauth fonts-dejavu-core
  dataset-fashion-mnist
  postgresql
  clang libomp-dev
)
BENCH_PACKAGES=(python3 python3-pandas python3-torch python3-optuna python3-psycopg2 python3-sklearn python3-scipy)

for arg in "$@"; do
  case "$arg" in
    --bench) PACKAGES+=("${BENCH_PACKAGES[@]}") ;;
    *) echo "setup.sh: unknown option '$arg' (expected --bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
