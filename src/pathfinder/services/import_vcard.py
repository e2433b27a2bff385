"""Reading a vCard file (.vcf): version 2.1, 3.0 or 4.0, one card or many, with vobject.

The file is split into its cards (`BEGIN:VCARD` … `END:VCARD`) here, and vobject
reads each card on its own, so one broken card is one invalid person with the line
that broke it, and the others still come in. Only when no card at all can be read is
the file refused, naming the first bad line.

Before vobject sees a card, its pictures and other binary fields (PHOTO, LOGO,
SOUND, KEY) are taken out: they aren't imported, a phone's photo can be megabytes,
and a damaged one would make vobject refuse the whole card. Apple's `item1.` groups
need nothing special: a grouped EMAIL is an EMAIL.

FN is the name, else N's given, middle and family names. ORG (its first part), TITLE
(else ROLE), EMAIL and TEL (the preferred first), URL (a linkedin.com address is the
LinkedIn URL, another the website; Apple's X-SOCIALPROFILE too when it is LinkedIn),
NOTE, CATEGORIES (as tags) and ADR (city, region, country as the location) are mapped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import vobject  # type: ignore[import-untyped]

from pathfinder.services.import_files import file_error, make_person, one_line, quoted, read_text
from pathfinder.services.import_rows import ImportedPerson, ParsedFile

NAMELESS = "This card has no name (no FN, and N is empty)."
_BINARY = re.compile(r"(?:[A-Za-z0-9-]+\.)?(PHOTO|LOGO|SOUND|KEY)[;:]", re.IGNORECASE)
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]+")
_FN = re.compile(r"(?:[A-Za-z0-9-]+\.)?FN[;:]", re.IGNORECASE)
_AT_LINE = re.compile(r"At line \d+: ")
# vobject's pattern for a content line backtracks exponentially on a line it can't
# match (`FN;a=b;a=b;…;:x` with 25 parameters takes minutes), so every line is first
# checked against the same grammar written so that it can't backtrack (possessive
# quantifiers); a line that fails it never reaches vobject.
_NAME = r"[A-Za-z0-9_-]++"
_VALUE = r'(?:"[^"]*+"|[^";:,=]*+)'
_CONTENT_LINE = re.compile(rf"(?:{_NAME}\.)?{_NAME};?(?:;{_NAME}(?:[=,]{_VALUE})*+)*+:")


@dataclass
class _Card:
    start: int  # the line of its BEGIN:VCARD
    lines: list[str] = field(default_factory=list)
    ended: bool = False


@dataclass(frozen=True)
class _Broken:
    line: int
    reason: str


def parse_vcard(path: Path) -> ParsedFile:
    """Every card in the file at `path`; raises ImportFileError if none can be read."""
    file = read_text(path, expected="a vCard file")
    cards, stray = _split(file.text)
    if not cards:
        lines = file.text.split("\n")
        first = next((n for n, line in enumerate(lines, 1) if line.strip()), 1)
        raise file_error(
            file.name, "isn't a vCard file: there is no BEGIN:VCARD line in it.", first
        )
    people: list[ImportedPerson] = []
    broken: list[_Broken] = []
    for card in cards:
        person = _read_card(card)
        if isinstance(person, _Broken):
            broken.append(person)
            problem = f"Line {person.line}: {person.reason}"
            people.append(make_person(card.start, name=_fn_of(card), nameless="", problem=problem))
        else:
            people.append(person)
    if len(broken) == len(cards):
        raise file_error(
            file.name, f"no card in it can be read; {broken[0].reason}", broken[0].line
        )
    notes = list(file.notes)
    if stray:
        lines_word = "line" if len(stray) == 1 else "lines"
        notes.append(
            f"Skipped {len(stray):,} {lines_word} outside any card (the first is line {stray[0]})."
        )
    return ParsedFile("vcard", path.name, tuple(people), tuple(notes))


# -- splitting the file into cards --------------------------------------------------


def _split(text: str) -> tuple[list[_Card], list[int]]:
    """The cards, each with its own lines (binary fields blanked), and the numbers of
    the other lines that aren't blank."""
    cards: list[_Card] = []
    stray: list[int] = []
    card: _Card | None = None
    for number, line in enumerate(text.split("\n"), 1):
        key = line.rstrip().upper()
        if key == "BEGIN:VCARD":
            if card is not None:
                cards.append(card)  # never ended: a new card begins
            card = _Card(number, [line])
        elif card is None:
            if line.strip():
                stray.append(number)
        else:
            card.lines.append(line)
            if key == "END:VCARD":
                card.ended = True
                cards.append(card)
                card = None
    if card is not None:
        cards.append(card)
    for each in cards:
        each.lines = _without_binary(each.lines)
    return cards, stray


def _without_binary(lines: list[str]) -> list[str]:
    """`lines` with PHOTO, LOGO, SOUND and KEY blanked, folded lines included. A blank
    line keeps the numbering, and vobject skips it."""
    kept: list[str] = []
    skipping = base64 = False
    for line in lines:
        if skipping and (
            line[:1] in (" ", "\t") or (base64 and _BASE64_LINE.fullmatch(line.strip()))
        ):
            kept.append("")
            continue
        skipping = bool(_BINARY.match(line))
        if skipping:
            head = line.split(":", 1)[0].upper()
            base64 = "BASE64" in head or "ENCODING=B" in head
            kept.append("")
        else:
            kept.append(line)
    return kept


# -- reading one card ---------------------------------------------------------------


def _read_card(card: _Card) -> ImportedPerson | _Broken:
    if not card.ended:
        return _Broken(card.start, "this card has no END:VCARD line (the file may be cut short).")
    text = "\n".join(card.lines) + "\n"
    for line, number in vobject.base.getLogicalLines(io.StringIO(text), allowQP=True):
        if not _CONTENT_LINE.match(line):
            line_number = card.start + max(number - 1, 0)
            return _Broken(
                line_number,
                f"this card can't be read (a line that isn't NAME:VALUE: {quoted(line)}).",
            )
    try:
        component = vobject.readOne(text, transform=False, allowQP=True)
    except Exception as error:
        # vobject raises ParseError for a line it can't read, but on hostile input also
        # LookupError (an unknown CHARSET), UnicodeError, binascii.Error, ValueError,
        # IndexError…; every one of them means only that this card can't be read.
        number = getattr(error, "lineNumber", None)
        if not isinstance(number, int):
            number = _first_bad_line(text)
        line = card.start + max(number - 1, 0)
        return _Broken(line, f"this card can't be read ({_why(error)}).")
    return _person(card.start, component)


def _first_bad_line(text: str) -> int:
    """The number (in `text`) of the first line vobject can't read on its own, or 1."""
    for line, number in vobject.base.getLogicalLines(io.StringIO(text), allowQP=True):
        try:
            vobject.base.textLineToContentLine(line, number)
        except Exception:  # as in _read_card
            return int(number)
    return 1


def _why(error: Exception) -> str:
    if isinstance(error, LookupError):
        return f"an unknown character set: {error}"
    if isinstance(error, UnicodeError):
        return "its text isn't in the character set it names"
    text = one_line(_AT_LINE.sub("", str(error))) or type(error).__name__
    return text if len(text) <= 100 else text[:99] + "…"


def _fn_of(card: _Card) -> str:
    """The FN of a card vobject can't read, as written, so the preview can say whose."""
    for line in card.lines:
        if _FN.match(line) and ":" in line and "QUOTED-PRINTABLE" not in line.upper():
            return line.split(":", 1)[1].replace("\\,", ",").replace("\\;", ";")[:300]
    return ""


def _person(start: int, card: Any) -> ImportedPerson:
    contents: dict[str, list[Any]] = getattr(card, "contents", {})

    def lines(name: str) -> list[Any]:
        return list(contents.get(name, []))

    name = next((text for line in lines("fn") if (text := _text(line.value).strip())), "")
    if not name:
        name = next((text for line in lines("n") if (text := _name(line))), "")
    urls = [_text(line.value) for line in lines("url")]
    urls += [
        text
        for line in lines("x-socialprofile")
        if "linkedin.com" in (text := _text(line.value)).casefold()
    ]
    addresses = _preferred_first(lines("adr"))
    return make_person(
        start,
        name=name,
        nameless=NAMELESS,
        organisation=next((org for line in lines("org") if (org := _organisation(line))), ""),
        title=next(
            (text for line in lines("title") + lines("role") if (text := _text(line.value))), ""
        ),
        emails=[_text(line.value) for line in _preferred_first(lines("email"))],
        phones=[_text(line.value) for line in _preferred_first(lines("tel"))],
        urls=urls,
        location=_location(addresses[0]) if addresses else "",
        notes="\n\n".join(text for line in lines("note") if (text := _text(line.value).strip())),
        tags=[tag for line in lines("categories") for tag in _list(line.value)],
    )


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(item for item in value if isinstance(item, str))
    return ""  # bytes of a field sent as base64, or anything else vobject made


def _list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return _text(value).split(",")


def _native(line: Any, parts: int) -> Any:
    """The structured value of N, ORG or ADR; its raw parts if vobject can't make one."""
    try:
        line.transformToNative()
        return line.value
    except Exception:  # as in _read_card: any vobject failure means "not structured"
        raw = _text(line.value)
        return (raw.split(";") + [""] * parts)[:parts]


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(_joined(item) for item in value)
    return value.strip() if isinstance(value, str) else ""


def _name(line: Any) -> str:
    value = _native(line, 5)
    if isinstance(value, list):
        family, given, additional = value[0], value[1], value[2]
    else:
        family = getattr(value, "family", "")
        given = getattr(value, "given", "")
        additional = getattr(value, "additional", "")
    return " ".join(text for part in (given, additional, family) if (text := _joined(part)))


def _organisation(line: Any) -> str:
    value = _native(line, 1)
    parts = value if isinstance(value, list) else [value]
    return next((text for part in parts if (text := _joined(part))), "")


def _location(line: Any) -> str:
    value = _native(line, 7)
    if isinstance(value, list):
        city, region, country = value[3], value[4], value[6]
    else:
        city = getattr(value, "city", "")
        region = getattr(value, "region", "")
        country = getattr(value, "country", "")
    return ", ".join(text for part in (city, region, country) if (text := _joined(part)))


def _preferred_first(lines: Iterable[Any]) -> list[Any]:
    """The lines marked preferred (2.1 `;PREF`, 3.0 `TYPE=pref`, 4.0 `PREF=1`) first."""
    return sorted(lines, key=lambda line: 0 if _is_preferred(line) else 1)


def _is_preferred(line: Any) -> bool:
    params: dict[str, list[str]] = getattr(line, "params", {})
    singles: list[str] = getattr(line, "singletonparams", [])
    types = ",".join(str(value) for value in params.get("TYPE", [])).casefold().split(",")
    return "pref" in types or "PREF" in params or any(s.upper() == "PREF" for s in singles)
