#!/usr/bin/env bash
# Installs the Debian 12 packages Loupe needs to build, test, run and benchmark. Idempotent:
# does nothing when everything is present. Needs root (or sudo) only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6sql6-sqlite libqt6sql6-psql libqt6svg6
  libqcustomplot-dev libeigen3-dev nlohmann-json3-dev zlib1g-dev libgl-dev
  libopenblas-dev libopenblas0-pthread
  xvfb xauth fonts-dejavu-core
  dataset-fashion-mnist
  postgresql
  python3 python3-pandas python3-torch python3-optuna
  clang
)

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
