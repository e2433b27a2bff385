#!/usr/bin/env bash
# Pack dist/Pathfinder.app (PyInstaller's BUNDLE) into a disk image:
#
#   packaging/macos/make_dmg.sh VERSION
#
# writes dist/Pathfinder-VERSION-macos-ARCH.dmg (ARCH: arm64 or x86_64, the machine it is
# built on). The image opens to Pathfinder.app beside a link to /Applications, to drag
# it across. macOS only (hdiutil, codesign).
#
# Signing: PyInstaller signs every binary ad hoc, which Apple silicon needs to run them
# at all. The bundle is not signed with a Developer ID nor notarised, so the first start
# of a downloaded copy needs Control-click > Open (or System Settings > Privacy &
# Security > Open Anyway). Set MACOS_SIGN_IDENTITY to a Developer ID to sign it here.
#
# The command line is the same program: Pathfinder.app/Contents/MacOS/pathfinder --help.
set -euo pipefail

version=${1:?usage: $0 VERSION}
app=dist/Pathfinder.app
[ -d "$app" ] || { echo "$app is missing: run PyInstaller first" >&2; exit 1; }
arch=$(uname -m)
dmg="dist/Pathfinder-$version-macos-$arch.dmg"

bundle_version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
[ "$bundle_version" = "$version" ] ||
  { echo "$app says version $bundle_version, not $version" >&2; exit 1; }

stage=$(mktemp -d "${TMPDIR:-/tmp}/pathfinder-dmg.XXXXXX")
trap 'rm -rf "$stage"' EXIT
# ditto keeps the bundle's links, permissions and signatures as they are.
ditto "$app" "$stage/Pathfinder.app"
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGN_IDENTITY" \
    "$stage/Pathfinder.app"
elif ! codesign --verify --deep --strict "$stage/Pathfinder.app" 2>/dev/null; then
  codesign --force --deep --sign - "$stage/Pathfinder.app"
fi
codesign --verify --deep --strict --verbose=1 "$stage/Pathfinder.app"
ln -s /Applications "$stage/Applications"

rm -f "$dmg"
hdiutil create -volname "Pathfinder $version" -srcfolder "$stage" -fs HFS+ \
  -format UDZO -imagekey zlib-level=9 -ov "$dmg"
hdiutil verify "$dmg"
echo "wrote $dmg ($(du -h "$dmg" | cut -f1))"
