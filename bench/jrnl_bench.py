"""Issue 11, figures c and e: Pathfinder's commands against jrnl (a popular plain-text
journal in Python) on the same 20,000 journal entries, whole processes both
(`python bench/jrnl_bench.py`).

jrnl is installed into its own virtual environment, bench/.cache/jrnl-venv
(`python -m venv`, then pip), pinned to JRNL_VERSION. The large notebook's journal
entries are written once as a plain-text jrnl journal (bench/.cache/jrnl/):
`[YYYY-MM-DD HH:MM] Title` and the body on the following lines, oldest first,
entries separated by a blank line; an entry without a title starts its body on the
date line (jrnl takes its first sentence as the title, as Pathfinder's list shows
the first line). jrnl reads its own config file (`--config-file`), with its
defaults but for the journal's path, the time format above and no encryption;
XDG_CONFIG_HOME and XDG_DATA_HOME point into bench/.cache/jrnl so nothing of the
user's own jrnl is read or touched.

- c: `pathfinder search WORDS` against `jrnl -contains WORDS` (WORDS given as one
  argument, as jrnl wants words with spaces), for a few fixed queries; each
  (query, round) is one sample. Pathfinder searches everything (people,
  conversations, interactions, entries; at most 50 of each kind), jrnl the
  entries, printing every matching one in full. Target: Pathfinder at least 10
  times faster.
- e: `pathfinder export archive -o FILE.zip` (the whole notebook: every table as
  JSON and every entry as a Markdown file, zipped) against `jrnl --export markdown
  --file FILE` (every entry, in one Markdown file; `--export` is jrnl 4's other name
  for `--format`). Target: the archive faster.

Each command's output goes to a file (read back to check it found something).
Rounds alternate Pathfinder and jrnl; round 0 warms up and is not kept.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from figures import Figure, Ratio  # noqa: E402
from processes import CACHE, child_environment, time_run  # noqa: E402
from startup_bench import pathfinder_command, start_folder  # noqa: E402

JRNL_VERSION = "4.6"
JRNL_VENV = CACHE / "jrnl-venv"
JRNL_HOME = CACHE / "jrnl"
TIME_FORMAT = "%Y-%m-%d %H:%M"
# A word only journal entries use, a surname (people are named in entries and
# are themselves searchable), and two words.
QUERIES = ("imposter", "Santoro", "portfolio feedback")
SEARCH_FASTER = 10.0
JRNL_ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d ", re.MULTILINE)  # as jrnl prints one


def _jrnl() -> Path:
    return JRNL_VENV / "bin" / "jrnl"


def ensure_jrnl(notes: list[str]) -> Path:
    """jrnl in bench/.cache/jrnl-venv, installed there the first time."""
    python = JRNL_VENV / "bin" / "python"
    if python.exists():
        found = subprocess.run(
            [str(python), "-c", "import jrnl; print(jrnl.__version__)"],
            capture_output=True,
            text=True,
            check=False,
        )
        if found.returncode == 0 and found.stdout.strip() == JRNL_VERSION:
            return _jrnl()
    print(f"Installing jrnl {JRNL_VERSION} into {JRNL_VENV} …", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(JRNL_VENV)], check=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", f"jrnl=={JRNL_VERSION}"], check=True
    )
    notes.append(f"jrnl {JRNL_VERSION} installed into {JRNL_VENV.relative_to(BENCH_DIR.parent)}.")
    return _jrnl()


def journal_text(database: Path) -> str:
    """The notebook's journal entries as a jrnl journal, oldest first."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT written_at, title, body FROM journal_entry ORDER BY written_at, id"
        ).fetchall()
    finally:
        connection.close()
    parts = []
    for written_at, title, body in rows:
        stamp = str(written_at)[:16]  # YYYY-MM-DD HH:MM
        parts.append(f"[{stamp}] {title}\n{body}\n" if title else f"[{stamp}] {body}\n")
    return "\n".join(parts)


def write_journal(database: Path) -> tuple[Path, int]:
    """bench/.cache/jrnl/ with the journal (written again when the notebook is rebuilt)
    and jrnl's config; returns the config file and how many entries the journal has."""
    journal = JRNL_HOME / "journal.txt"
    config = JRNL_HOME / "jrnl.yaml"
    marker = JRNL_HOME / "written-from.json"
    wanted = {"built": (database.parent / "built.json").read_text(encoding="utf-8")}
    entries = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        count = int(entries.execute("SELECT count(*) FROM journal_entry").fetchone()[0])
    finally:
        entries.close()
    try:
        if json.loads(marker.read_text(encoding="utf-8")) == wanted and journal.exists():
            return config, count
    except (OSError, ValueError):
        pass
    JRNL_HOME.mkdir(parents=True, exist_ok=True)
    journal.write_text(journal_text(database), encoding="utf-8")
    # jrnl's defaults (config.get_default_config), but for the journal, the time format
    # and the version (an older one would start an interactive upgrade). YAML, by hand:
    # jrnl takes a JSON config for one of jrnl 1.x and offers to upgrade it.
    config.write_text(
        "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
        "highlight: true\nindent_character: '|'\n"
        f"journals:\n  default:\n    journal: {json.dumps(str(journal))}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        f"timeformat: '{TIME_FORMAT}'\nversion: '{JRNL_VERSION}'\n",
        encoding="utf-8",
    )
    marker.write_text(json.dumps(wanted), encoding="utf-8")
    return config, count


def _jrnl_env() -> dict[str, str]:
    return child_environment(
        {
            "XDG_CONFIG_HOME": str(JRNL_HOME / "xdg-config"),
            "XDG_DATA_HOME": str(JRNL_HOME / "xdg-data"),
        }
    )


def measure_jrnl(database: Path, rounds: int, notes: list[str]) -> list[Figure | Ratio]:
    jrnl = ensure_jrnl(notes)
    config, entries = write_journal(database)
    paths = start_folder(database)
    env, jrnl_env = child_environment(), _jrnl_env()
    ours_search = Figure(
        "Search: pathfinder search (process)",
        f"python -m pathfinder search WORDS, for {', '.join(map(repr, QUERIES))}",
    )
    theirs_search = Figure(
        "Search: jrnl -contains (process)",
        f"jrnl -contains WORDS on the same {entries:,} entries, same queries",
    )
    per_query = {
        query: (
            Figure(f"  pathfinder search {query!r}", "python -m pathfinder search WORDS"),
            Figure(f"  jrnl -contains {query!r}", "jrnl -contains WORDS"),
        )
        for query in QUERIES
    }
    archive = Figure(
        "Archive: pathfinder export archive (process)",
        "python -m pathfinder export archive -o FILE.zip: the whole notebook",
    )
    export = Figure(
        "Archive: jrnl --export markdown (process)",
        f"jrnl --export markdown --file FILE: the {entries:,} entries",
    )
    with tempfile.TemporaryDirectory(prefix="pathfinder-jrnl-bench-") as scratch:
        out = Path(scratch) / "out"
        for round_number in range(rounds + 1):  # round 0 warms up and is not kept
            keep = round_number > 0
            for query in QUERIES:
                ours = time_run(pathfinder_command(paths, "search", query), env, out)
                found_ours = len(out.read_text(encoding="utf-8").splitlines())
                theirs = time_run(
                    [str(jrnl), "--config-file", str(config), "-contains", query], jrnl_env, out
                )
                found_theirs = len(JRNL_ENTRY.findall(out.read_text(encoding="utf-8")))
                if not found_ours or not found_theirs:
                    notes.append(f"Search {query!r}: Pathfinder or jrnl found nothing.")
                if keep:
                    ours_search.samples.append(ours)
                    theirs_search.samples.append(theirs)
                    per_query[query][0].samples.append(ours)
                    per_query[query][1].samples.append(theirs)
                    per_query[query][0].rows = found_ours
                    per_query[query][1].rows = found_theirs
            zipped = Path(scratch) / f"archive-{round_number}.zip"
            write = pathfinder_command(paths, "export", "archive", "-o", str(zipped))
            ours = time_run(write, env, out)
            with zipfile.ZipFile(zipped) as opened:
                archived = sum(name.endswith(".md") for name in opened.namelist())
            zipped.unlink()
            markdown = Path(scratch) / f"export-{round_number}.md"
            export_all = [str(jrnl), "--config-file", str(config), "--export", "markdown"]
            theirs = time_run([*export_all, "--file", str(markdown)], jrnl_env, out)
            exported = markdown.read_text(encoding="utf-8").count("\n### ")
            markdown.unlink()
            if round_number == 0 and (archived != entries or exported != entries):
                notes.append(
                    f"Archive: the archive held {archived:,} entries and jrnl exported "
                    f"{exported:,}, of {entries:,}."
                )
            if keep:
                archive.samples.append(ours)
                export.samples.append(theirs)
                archive.rows = export.rows = entries
    search_ratio = Ratio(
        "Search: pathfinder search vs jrnl -contains",
        "whole processes, same queries and entries",
        ours_search,
        theirs_search,
        at_least_faster=SEARCH_FASTER,
        issue="c",
    )
    archive_ratio = Ratio(
        "Archive: pathfinder export archive vs jrnl --export markdown",
        "whole processes: the whole notebook zipped against jrnl's Markdown of the entries",
        archive,
        export,
        at_most=1.0,
        issue="e",
    )
    figures: list[Figure | Ratio] = [search_ratio, ours_search, theirs_search]
    for pair in per_query.values():
        figures.extend(pair)
    figures += [archive_ratio, archive, export]
    return figures


def main() -> int:
    from figures import run_alone

    return run_alone(measure_jrnl, int(sys.argv[1]) if len(sys.argv) > 1 else 5)


if __name__ == "__main__":
    sys.exit(main())
