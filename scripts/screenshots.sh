#!/usr/bin/env bash
# `make screenshots`: the README's pictures, taken of real windows on a virtual X
# display (Xvfb) when there is one to start, else offscreen. PYTHON is the venv's.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
run=()
if command -v xvfb-run >/dev/null 2>&1; then
  run=(xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb)
fi
"${run[@]}" "$python" scripts/screenshots.py docs/screenshots
"${run[@]}" "$python" scripts/screenshots.py docs/screenshots --dark
