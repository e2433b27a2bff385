#!/usr/bin/env bash
# Check the Linux downloads made by make_packages.sh, as a user would meet them:
#
#   packaging/linux/check_packages.sh VERSION [--install]
#
# - the tarball, unpacked into an empty folder and run with an empty environment
#   (env -i: no virtual environment, no PYTHONPATH, PATH=/usr/bin:/bin, a fresh HOME);
# - the .deb's control fields and file list (dpkg-deb --info/--contents), and its
#   .desktop and metainfo files through their validators when these are installed;
# - with --install (root, or sudo): apt-get installs the .deb (so its Depends must be
#   satisfiable), /usr/bin/pathfinder is checked like the bundle, and the package is
#   removed again, leaving nothing behind in /opt/pathfinder.
set -euo pipefail

version=${1:?usage: $0 VERSION [--install]}
install=${2:-}
app_id=io.github.pathfinder_journal.Pathfinder
here=$(cd "$(dirname "$0")" && pwd)
check_bundle="$here/../check_bundle.sh"
tarball="dist/pathfinder-$version-linux-$(uname -m).tar.gz"
deb=$(ls dist/pathfinder-journal_"$version"_*.deb)
fail() { printf 'check_packages: %s\n' "$*" >&2; exit 1; }

clean=$(mktemp -d "${TMPDIR:-/tmp}/pathfinder-clean.XXXXXX")
trap 'rm -rf "$clean"' EXIT

printf '== %s, unpacked into %s, empty environment\n' "$tarball" "$clean"
mkdir -p "$clean/home"
tar -xzf "$tarball" -C "$clean"
out=$(cd "$clean/pathfinder-$version" &&
  env -i HOME="$clean/home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen ./pathfinder --smoke 2>&1) ||
  { echo "$out"; fail "the unpacked program failed"; }
echo "$out" | tail -n 2
grep -qx "smoke: ok" <<<"$out" || fail "no 'smoke: ok' from the unpacked program"
env -i HOME="$clean/home" PATH=/usr/bin:/bin TMPDIR="$clean" \
  bash "$check_bundle" "$clean/pathfinder-$version/pathfinder" "$version"

printf '\n== %s\n' "$deb"
dpkg-deb --info "$deb"
contents=$(dpkg-deb --contents "$deb")
for path in ./opt/pathfinder/pathfinder ./opt/pathfinder/_internal/ \
  "./usr/bin/pathfinder -> /opt/pathfinder/pathfinder" \
  "./usr/share/applications/$app_id.desktop" "./usr/share/metainfo/$app_id.metainfo.xml" \
  "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
  grep -qF " $path" <<<"$contents" || fail "the .deb has no $path"
done
for size in 16 24 32 48 64 128 256 512; do
  grep -qF "./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" <<<"$contents" ||
    fail "the .deb has no ${size}x${size} icon"
done
not_root=$(awk '$2 != "root/root"' <<<"$contents")
[ -z "$not_root" ] || fail "files in the .deb are not owned by root: $not_root"
echo "$(echo "$contents" | wc -l) entries, all owned by root; the launcher, .desktop, metainfo and icons are there"
mkdir -p "$clean/deb"
dpkg-deb --extract "$deb" "$clean/deb"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$clean/deb/usr/share/applications/$app_id.desktop"
  echo "desktop-file-validate: ok"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$clean/deb/usr/share/metainfo/$app_id.metainfo.xml"
fi

if [ "$install" = "--install" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  printf '\n== installing %s\n' "$deb"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" >/dev/null
  [ "$(readlink -f /usr/bin/pathfinder)" = /opt/pathfinder/pathfinder ] ||
    fail "/usr/bin/pathfinder does not lead to /opt/pathfinder/pathfinder"
  env -i HOME="$clean/home" PATH=/usr/bin:/bin TMPDIR="$clean" \
    bash "$check_bundle" /usr/bin/pathfinder "$version"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq pathfinder-journal >/dev/null
  if [ -e /opt/pathfinder ] || [ -e /usr/bin/pathfinder ]; then
    fail "removing the package left files behind"
  fi
  echo "installed, checked and removed again"
fi
printf '\ncheck_packages: all good\n'
