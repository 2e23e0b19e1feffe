#!/usr/bin/env bash
# Installs what is missing, builds, and runs Loupe on the demo workspace.
# With a display: the GUI. Without one: the headless demo (loupe-cli demo), which says where its output went.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
BUILD_DIR=${LOUPE_BUILD_DIR:-build}
DEMO_DIR=${LOUPE_DEMO_DIR:-$PWD/demo-workspace}
mkdir -p "$DEMO_DIR"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; running the headless demo instead of the GUI"
  exec "$BUILD_DIR/app/loupe-cli" demo --out "$DEMO_DIR"
fi
if [ ! -f "$DEMO_DIR/transactions.csv" ]; then
  "$BUILD_DIR/app/loupe-cli" simulate --rows 100000 --seed 42 -o "$DEMO_DIR/transactions.csv"
fi
exec "$BUILD_DIR/app/loupe" --db "$DEMO_DIR/workspace.sqlite" "$DEMO_DIR/transactions.csv"
