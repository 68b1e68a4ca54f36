#!/usr/bin/env bash
# Build the one-folder bundle dist/newsdiff/ with PyInstaller, then check that it runs without Python:
# --version, compare and report on the sample folder, and the viewer started offscreen on one pair.
# Prints the bundle's size and its start times.
#
# Usage: packaging/build_bundle.sh            (from any directory; Debian/Ubuntu, Python 3.11+)
# The build uses its own virtual environment, build/bundle-venv (newsdiff, its dependencies and
# PyInstaller, nothing else), so that the bundle holds only what newsdiff needs. PYTHON picks the Python.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=build/bundle-venv
[ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q . "pyinstaller>=6.10"

start=$(date +%s)
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/newsdiff.spec
echo "bundle: built in $(( $(date +%s) - start )) s"

bundle=dist/newsdiff/newsdiff
sample=dist/newsdiff/_internal/newsdiff/resources/sample
test -s "$sample/../guide/guide.md"  # Help > User Guide
out=$(mktemp -d -t ndbundle.XXXXXX)
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen
# Run from an empty folder with no Python on the PATH, so that nothing outside the bundle can help.
cd "$out"
env -i HOME="$out" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 "$OLDPWD/$bundle" --version
set -- "$OLDPWD/$sample"/*.txt
"$OLDPWD/$bundle" compare "$1" "$4" --json > compare.json
grep -q '"schema": "newsdiff.compare/1"' compare.json
seconds() { local TIMEFORMAT=%R; { time "$@" > /dev/null 2> "$out/stderr"; } 2>&1; }
version_time=$(seconds "$OLDPWD/$bundle" --version)
report_time=$(seconds "$OLDPWD/$bundle" report "$OLDPWD/$sample" -o "$out/report.html")
grep -q "<html" "$out/report.html"
echo "bundle: report of the sample folder written ($(wc -c < "$out/report.html") bytes)"

# The viewer, offscreen, on one pair: it must still be running (not crashed) when stopped after 20 s.
status=0
timeout 20 "$OLDPWD/$bundle" "$1" "$4" > viewer.log 2>&1 || status=$?
if [ "$status" -ne 124 ]; then
  echo "bundle: the viewer exited with status $status:" >&2
  cat viewer.log >&2
  exit 1
fi
echo "bundle: the viewer ran offscreen on one pair until stopped"

# With a virtual X server at hand, the time until the viewer's window is on screen.
window_time="not measured (needs xvfb-run and xdotool)"
if command -v xvfb-run > /dev/null && command -v xdotool > /dev/null; then
  window_time=$(xvfb-run -a bash -c '
    start=$(date +%s%N)
    env -u QT_QPA_PLATFORM "$0" "$1" "$2" > /dev/null 2>&1 & pid=$!
    timeout 60 xdotool search --sync --onlyvisible --pid $pid > /dev/null
    echo "$(( ($(date +%s%N) - start) / 1000000 )) ms"
    kill $pid' "$OLDPWD/$bundle" "$1" "$4")
fi

cd "$OLDPWD"
echo "bundle: dist/newsdiff is $(du -sh dist/newsdiff | cut -f1) ($(find dist/newsdiff -type f | wc -l) files)"
echo "bundle: start to --version ${version_time} s, report of the 5 samples ${report_time} s," \
  "viewer window on screen ${window_time}"
