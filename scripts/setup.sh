#!/usr/bin/env bash
# Set up newsdiff on a Debian/Ubuntu machine: the system libraries Qt needs, then a virtual environment
# in .venv with newsdiff installed (with its test tools when given --test). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

QT_PACKAGES="libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libdbus-1-3 libfontconfig1 fonts-dejavu-core"
missing=""
for package in $QT_PACKAGES python3-venv; do
  dpkg -s "$package" > /dev/null 2>&1 || missing="$missing $package"
done
if [ -n "$missing" ] && command -v apt-get > /dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "newsdiff setup: installing system packages:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing > /dev/null
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
else
  .venv/bin/python -m pip install -q -e .
fi
