"""Journal entries as Markdown files with front matter, both ways (see `archive`).

A file reads:

    ---
    id: 17
    written_at: "2026-03-01 21:05:00"
    title: "After the design meetup"
    ...
    tags: ["interview", "meetup"]
    links: [{"contact_id": 3, "conversation_id": null, "entry_id": 17, "event_id": null, "id": 9}]
    ---
    The body, byte for byte.

Each front-matter line is `key: <JSON>` on one line: JSON escapes line breaks, so no
value can end the block early, whatever the title says. A few characters that some
YAML readers take for line breaks or refuse (U+0085, U+2028, U+2029, other C1
controls, DEL, U+FEFF) are written as JSON escapes too. The body starts right after
the closing `---` line and runs to the end of the file; it may hold `---` lines of
its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any

from pathfinder.services.archive import FRONT_MATTER_MARK, TABLES, ArchiveError

ENTRY_COLUMNS = tuple(column for column in TABLES["journal_entry"].columns if column != "body")
LINK_COLUMNS = TABLES["journal_link"].columns
LIST_KEYS = ("tags", "links")
_KEY_LINE = re.compile(r"([a-z_]+): (.*)")
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff]")
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
# Scalars only: every column of many entries in one call, NUL between the values (an
# encoded value never holds a raw NUL, JSON escapes it).
_FLAT_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=("\x00", ": "))
_FRONT_MATTER = (
    f"{FRONT_MATTER_MARK}\n"
    + "".join(f"{column}: %s\n" for column in ENTRY_COLUMNS)
    + f"tags: %s\nlinks: %s\n{FRONT_MATTER_MARK}\n"
)
_CHUNK = 512  # entries encoded per call


@dataclass(frozen=True)
class ParsedEntry:
    """One journal file read back: the entry's columns (body included), tags and links."""

    entry: dict[str, Any]
    tags: list[Any]
    links: list[Any]


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def entry_files(
    entries: Sequence[Mapping[str, Any]],
    tags: Mapping[Any, Sequence[str]],
    links: Mapping[Any, Sequence[Mapping[str, Any]]],
) -> Iterator[bytes]:
    """The file of every entry, in order, with its `tags` and `links` looked up by id.

    The same bytes as the front matter described above built entry by entry, but the
    scalar columns of `_CHUNK` entries are encoded by json's C encoder in one call:
    for 20,000 entries that is a third of the time.
    """
    width = len(ENTRY_COLUMNS)
    encode = _ENCODER.encode
    for start in range(0, len(entries), _CHUNK):
        chunk = entries[start : start + _CHUNK]
        flat = [entry[column] for entry in chunk for column in ENTRY_COLUMNS]
        encoded = _FLAT_ENCODER.encode(flat)[1:-1].split("\x00")
        for index, entry in enumerate(chunk):
            entry_tags = tags.get(entry["id"], ())
            entry_links = links.get(entry["id"], ())
            front_matter = _FRONT_MATTER % (
                *encoded[index * width : (index + 1) * width],
                encode(list(entry_tags)) if entry_tags else "[]",
                encode([dict(link) for link in entry_links]) if entry_links else "[]",
            )
            yield entry_file(front_matter, entry["body"])


def entry_file(front_matter: str, body: str | None) -> bytes:
    """An entry's file from its front matter (before the escapes below) and body."""
    # The unsafe characters can only be inside JSON strings, where \\uXXXX means the same.
    if _YAML_UNSAFE.search(front_matter):
        front_matter = _YAML_UNSAFE.sub(_escaped, front_matter)
    return (front_matter + (body or "")).encode("utf-8")


def front_matter_query() -> tuple[str, tuple[str, str]]:
    """SQL and its parameters giving, for every journal entry in id order, its `id`,
    `written_at`, `title`, front matter (for `entry_file`) and `body`.

    SQLite's `json_quote` writes integers, text and NULL as json's encoder does, and
    the tags and links are joined in the order `entry_files` takes them, so the
    files are the same bytes; SQLite makes them without holding Python's lock.
    """
    link_columns = sorted(LINK_COLUMNS)
    link_layout = (
        "{"
        + ", ".join(
            f"{encode_basestring(column).replace('%', '%%')}: %s" for column in link_columns
        )
        + "}"
    )
    entry_values = ", ".join(f'json_quote(entry."{column}")' for column in ENTRY_COLUMNS)
    link_values = ", ".join(f'json_quote("{column}")' for column in link_columns)
    sql = (
        f"SELECT entry.id, entry.written_at, entry.title, printf(?, {entry_values}, "
        "coalesce((SELECT '[' || group_concat(json_quote(name), ', ') || ']' FROM "
        "(SELECT name FROM journal_tag WHERE entry_id = entry.id ORDER BY name)), '[]'), "
        f"coalesce((SELECT '[' || group_concat(printf(?, {link_values}), ', ') || ']' FROM "
        "(SELECT * FROM journal_link WHERE entry_id = entry.id ORDER BY id)), '[]')), "
        "entry.body FROM journal_entry AS entry ORDER BY entry.id"
    )
    return sql, (_FRONT_MATTER, link_layout)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"{key!r} appears twice in one object")
        result[key] = value
    return result


# One decoder for every value (json.loads would build one per front-matter line).
_DECODER = json.JSONDecoder(parse_constant=_reject_constant, object_pairs_hook=_no_repeats)


def loads(text: str) -> Any:
    """JSON as the archive allows it: no NaN or Infinity, no key twice in one object."""
    return _DECODER.decode(text)


def parse_entry(member: str, data: bytes) -> ParsedEntry:
    """Read one journal file; raises ArchiveError naming `member` and the problem."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArchiveError(f"{member}: not UTF-8 text (byte {error.start})") from None
    lines = text.split("\n")
    if lines[0].rstrip("\r") != FRONT_MATTER_MARK:
        raise ArchiveError(f"{member}: broken front matter (the file must start with ---)")
    values: dict[str, Any] = {}
    offset = len(lines[0]) + 1
    for number, line in enumerate(lines[1:], start=2):
        offset += len(line) + 1
        if line.rstrip("\r") == FRONT_MATTER_MARK:
            break
        if not line.strip():
            continue  # a blank line, as YAML allows
        matched = _KEY_LINE.fullmatch(line.rstrip("\r"))
        if matched is None:
            raise ArchiveError(
                f"{member}: broken front matter on line {number} (expected key: value)"
            )
        key, raw = matched.groups()
        if key not in ENTRY_COLUMNS and key not in LIST_KEYS:
            raise ArchiveError(f"{member}: unknown front matter key {key!r} on line {number}")
        if key in values:
            raise ArchiveError(f"{member}: {key!r} appears twice in the front matter")
        try:
            values[key] = loads(raw)
        except (ValueError, RecursionError) as error:
            if isinstance(error, json.JSONDecodeError):
                reason = error.msg
            elif isinstance(error, RecursionError):
                reason = "nested too deeply"
            else:
                reason = str(error)
            raise ArchiveError(
                f"{member}: broken front matter on line {number} ({key}: {reason})"
            ) from None
    else:
        raise ArchiveError(f"{member}: broken front matter (no closing --- line)")
    tags = values.pop("tags", [])
    links = values.pop("links", [])
    if not isinstance(tags, list):
        raise ArchiveError(f"{member}: tags must be a list of names")
    if not isinstance(links, list) or not all(isinstance(link, dict) for link in links):
        raise ArchiveError(f"{member}: links must be a list of objects")
    values["body"] = text[offset:] if offset <= len(text) else ""
    return ParsedEntry(entry=values, tags=tags, links=links)
