#!/usr/bin/env bash
# Turn the PyInstaller folder dist/pathfinder/ into the two Linux downloads:
#
#   packaging/linux/make_packages.sh VERSION
#
#   dist/pathfinder-VERSION-linux-x86_64.tar.gz
#       pathfinder-VERSION/pathfinder (the program), _internal/ (what it needs), and
#       share/ (the .desktop file, AppStream metainfo and icons, laid out as in /usr/share)
#   dist/pathfinder-journal_VERSION_amd64.deb
#       /opt/pathfinder/           the same folder
#       /usr/bin/pathfinder        a link to /opt/pathfinder/pathfinder
#       /usr/share/applications/   io.github.pathfinder_journal.Pathfinder.desktop
#       /usr/share/metainfo/       io.github.pathfinder_journal.Pathfinder.metainfo.xml
#       /usr/share/icons/hicolor/  16x16 … 512x512 and scalable
#
# Run from the repository root after PyInstaller (`make package` does both). Needs tar,
# gzip and dpkg-deb; Depends is worked out with ldd and dpkg -S on this machine.
# The .deb is compressed with xz (a quarter smaller than gzip, about 45 s more on two
# cores); DEB_COMPRESSION=gzip or zstd trades size for time.
set -euo pipefail

version=${1:?usage: $0 VERSION}
app_id=io.github.pathfinder_journal.Pathfinder
package=pathfinder-journal
bundle=dist/pathfinder
here=packaging/linux
icons=packaging/icons
[ -x "$bundle/pathfinder" ] || { echo "$bundle/pathfinder is missing: run PyInstaller first" >&2; exit 1; }
case "$(uname -m)" in
  x86_64) arch=x86_64 deb_arch=amd64 ;;
  aarch64) arch=aarch64 deb_arch=arm64 ;;
  *) arch=$(uname -m) deb_arch=$(dpkg --print-architecture) ;;
esac

# share/ as it is laid out under /usr/share, used by both packages.
put_share() {  # DEST
  local share=$1 size
  install -D -m 0644 "$here/$app_id.desktop" "$share/applications/$app_id.desktop"
  install -D -m 0644 "$here/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
  for size in 16 24 32 48 64 128 256 512; do
    install -D -m 0644 "$icons/pathfinder-$size.png" \
      "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  done
  install -D -m 0644 resources/pathfinder.svg "$share/icons/hicolor/scalable/apps/$app_id.svg"
}

# Everyone may read and run, only the owner writes (whatever the umask was at build time).
normalise() { chmod -R u+rwX,go+rX,go-w "$1"; }

stage=build/linux-packages
rm -rf "$stage"
mkdir -p "$stage"

# --- the tarball -----------------------------------------------------------------------
top="pathfinder-$version"
cp -a "$bundle" "$stage/$top"
put_share "$stage/$top/share"
normalise "$stage/$top"
tarball="dist/pathfinder-$version-linux-$arch.tar.gz"
# Sorted names, no owner or time stamps from this machine: the same input gives the same file.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-0}" \
  -C "$stage" -cf - "$top" | gzip -n > "$tarball"
echo "wrote $tarball ($(du -h "$tarball" | cut -f1))"

# --- the .deb --------------------------------------------------------------------------
root="$stage/deb"
mkdir -p "$root/opt" "$root/usr/bin" "$root/DEBIAN"
cp -a "$bundle" "$root/opt/pathfinder"
# The program finds _internal/ next to its real path (/proc/self/exe), so a link works.
ln -s /opt/pathfinder/pathfinder "$root/usr/bin/pathfinder"
put_share "$root/usr/share"
normalise "$root"

# Depends: the system libraries the bundle loads but does not carry, found as the
# program finds them (its own folders first), and the packages that hold them here.
internal="$root/opt/pathfinder/_internal"
linked=$(
  find "$root/opt/pathfinder" -type f \( -name '*.so*' -o -name pathfinder \) -print0 |
    LD_LIBRARY_PATH="$internal:$internal/PySide6/Qt/lib" xargs -0 ldd 2>/dev/null || true
)
# A library this machine lacks would be missing from both the bundle and Depends.
missing=$(echo "$linked" | awk '$3 == "not" {print $1}' | sort -u)
if [ -n "$missing" ]; then
  echo "These libraries are not on this machine, so the bundle can't carry them:" >&2
  echo "$missing" >&2
  echo "install them (scripts/ensure-system-libs.sh window) and build again" >&2
  exit 1
fi
libs=$(echo "$linked" |
  awk -v root="$root" '$2 == "=>" && $3 ~ /^\// && index($3, root) != 1 {print $3}' | sort -u)
depends=$(for lib in $libs; do
    dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true
  done | cut -d: -f1 | sort -u | { grep -v '^libc6$' || true; } | paste -sd, - | sed 's/,/, /g')
glibc=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
depends="libc6 (>= $glibc)${depends:+, $depends}"

installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: $package
Version: $version
Architecture: $deb_arch
Maintainer: The Pathfinder developers <pathfinder@localhost>
Installed-Size: $installed_size
Depends: $depends
Recommends: fonts-dejavu-core | fonts-liberation2 | fonts-noto-core
Section: misc
Priority: optional
Homepage: https://github.com/pathfinder-journal/pathfinder
Description: private journal for changing careers
 Pathfinder keeps the story of a career change in one notebook on your own
 computer: why you want to move, the people you meet on the way, and what you
 learn from each conversation. It never connects to the internet.
 .
 The program lives in /opt/pathfinder; /usr/bin/pathfinder opens the window,
 and "pathfinder --help" lists the commands (search, export, import, backup).
EOF
chmod 0644 "$root/DEBIAN/control"
deb="dist/${package}_${version}_${deb_arch}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$root" "$deb" >/dev/null
echo "wrote $deb ($(du -h "$deb" | cut -f1))"
echo "Depends: $depends"
