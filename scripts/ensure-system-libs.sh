#!/usr/bin/env bash
# Installs the system libraries Qt needs, when they are missing, on Debian and
# Ubuntu. "offscreen" is enough for the tests; "window" adds what a real
# window on X11 needs. Elsewhere (macOS, Windows, other Linux) it does nothing:
# the PySide6 wheels bring what they need there, or DEVELOPERS.md lists it.
set -euo pipefail

offscreen="libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 fonts-dejavu-core"
window="$offscreen libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1"

case "${1:-offscreen}" in
  offscreen) wanted=$offscreen ;;
  window) wanted=$window ;;
  xvfb) wanted="$window xvfb xauth xdotool imagemagick" ;;
  *) echo "usage: $0 offscreen|window|xvfb" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null 2>&1 || exit 0

missing=""
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

echo "Installing system libraries Qt needs:$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo_cmd=""
elif command -v sudo >/dev/null 2>&1; then
  sudo_cmd="sudo"
else
  echo "Please install these packages as root:$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
# shellcheck disable=SC2086
$sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null
