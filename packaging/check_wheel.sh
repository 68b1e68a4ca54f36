#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment outside the source tree, and run the
# installed newsdiff on the sample folder it carries: --version, compare (text and JSON) and report.
# Proves that `pip install .` ships the resources (sample folder, report template, model, icons).
# Usage: packaging/check_wheel.sh [PYTHON]   (default: .venv/bin/python, else python3)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:-.venv/bin/python}
[ -x "$python" ] || python=python3

work=$(mktemp -d -t ndwheel.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$python" -m pip wheel -q --no-deps -w "$work/dist" .
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$work"/dist/newsdiff-*.whl

# From outside the source tree, so that only the installed package can be imported.
cd "$work"
newsdiff="$work/venv/bin/newsdiff"
"$newsdiff" --version
sample=$("$work/venv/bin/python" -c 'from importlib.resources import files; print(files("newsdiff") / "resources" / "sample")')
case "$sample" in "$work"/venv/*) ;; *) echo "sample folder not from the installed wheel: $sample" >&2; exit 1 ;; esac
test -s "$sample/../guide/guide.md" && test -s "$sample/../guide/screenshot.png"  # Help > User Guide
set -- "$sample"/*.txt
"$newsdiff" compare "$1" "$4" > "$work/compare.txt"
head -n 5 "$work/compare.txt"
"$newsdiff" compare "$1" "$4" --json | "$work/venv/bin/python" -c \
  'import json, sys; assert json.load(sys.stdin)["schema"] == "newsdiff.compare/1"'
"$newsdiff" report "$sample" -o "$work/r.html"
grep -q "<html" "$work/r.html"
# The PDF's template ships too, and Qt lays it out with no display:
env -u DISPLAY -u WAYLAND_DISPLAY "$newsdiff" report "$1" "$4" -o "$work/r.pdf"
head -c 5 "$work/r.pdf" | grep -q "%PDF-"
echo "wheel check: installed newsdiff compared and reported the samples ($(wc -c < "$work/r.html") bytes of report, $(wc -c < "$work/r.pdf") of PDF)"
