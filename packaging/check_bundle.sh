#!/usr/bin/env bash
# Check a built Pathfinder (the frozen program, not the source tree):
#
#   packaging/check_bundle.sh PROGRAM [VERSION]
#
# PROGRAM is dist/pathfinder/pathfinder, /usr/bin/pathfinder after installing the .deb,
# Pathfinder.app/Contents/MacOS/pathfinder or dist/pathfinder/pathfinder-cli.exe.
# Every run uses a notebook in a fresh temporary folder (or --demo), never the user's.
#
# 1. --version prints VERSION (when given);
# 2. --smoke on a new notebook and on the demo notebook: every section and tab is built
#    offscreen, the mentor report is written as Markdown and PDF, and "smoke: ok" ends it;
# 3. the command line: exports (vCard, calendar, CSV, archive), an import of the vCard
#    file, search and check, so the modules loaded by name (import parsers, Markdown
#    extensions, icalendar's time zones) are proved to be in the bundle.
set -euo pipefail

program=${1:?usage: $0 PROGRAM [VERSION]}
version=${2:-}
export QT_QPA_PLATFORM=offscreen
work=$(mktemp -d "${TMPDIR:-/tmp}/pathfinder-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'check_bundle: %s\n' "$*" >&2; exit 1; }
# Windows' console programs end lines with CR LF; compare without the CR.
run() { "$program" "$@" 2>&1 | tr -d '\r'; }

if [ -n "$version" ]; then
  step "--version"
  out=$(run --version)
  echo "$out"
  [ "$out" = "Pathfinder $version" ] || fail "expected 'Pathfinder $version'"
fi

for how in "--data-dir $work/fresh" "--demo"; do
  step "--smoke $how"
  # shellcheck disable=SC2086
  out=$(run --smoke $how) || { echo "$out"; fail "--smoke $how exited with an error"; }
  tail -n 4 <<<"$out"
  grep -qx "smoke: ok" <<<"$out" || fail "--smoke $how did not print 'smoke: ok'"
  grep -q "a PDF of" <<<"$out" || fail "--smoke $how wrote no PDF"
done

step "exports from the demo notebook"
run export vcard --demo -o "$work/people.vcf"
run export ics --demo -o "$work/follow-ups.ics"
run export csv --demo -o "$work/people.csv"
run export archive --demo -o "$work/archive.zip"
run export report --demo -o "$work/report.html"
run export report --demo -o "$work/report.pdf"
grep -q "BEGIN:VCARD" "$work/people.vcf" || fail "the vCard export is empty"
grep -q "BEGIN:VCALENDAR" "$work/follow-ups.ics" || fail "the calendar export is empty"
[ -s "$work/people.csv" ] || fail "the CSV export is empty"
grep -q "<h" "$work/report.html" || fail "the HTML report is empty"
head -c 5 "$work/report.pdf" | grep -q "%PDF-" || fail "the PDF report is not a PDF"

step "import, search and check"
run import vcard "$work/people.vcf" --data-dir "$work/imported" | tail -n 3
run import archive "$work/archive.zip" --data-dir "$work/restored" | tail -n 3
name=$(grep -m1 '^FN:' "$work/people.vcf" | cut -d: -f2- | tr -d '\r' | cut -d' ' -f1)
found=$(run search "$name" --data-dir "$work/imported")
head -n 3 <<<"$found"
[ -n "$found" ] || fail "search found nobody called $name after the import"
out=$(run check --data-dir "$work/restored")
echo "$out"
[ "$out" = "ok" ] || fail "the restored archive did not check ok"

printf '\ncheck_bundle: all good (%s)\n' "$program"
