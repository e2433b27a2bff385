"""One search over people, organisations, conversations, interactions, events and the
journal, through the FTS5 index that triggers keep in step (see migration 4).

Whatever is typed becomes a safe query: only its words are kept, each quoted and
matched as a prefix, so quotes, operators and brackets are just text.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from peewee import DatabaseError

from pathfinder.store.database import db
from pathfinder.store.migrations.m0004_journal import (
    FOLDS,
    KIND_SPAN,
    SOURCES,
    search_statements,
)

# The index's definition as the latest migration made it (its first statement).
CREATE_INDEX = search_statements()[0]

MAX_TERMS = 12
MAX_TERM_LENGTH = 64
SNIPPET_WORDS = 14

# (kind, code, heading of its group), in the order the groups are shown.
KINDS: tuple[tuple[str, int, str], ...] = (
    ("person", 1, "People"),
    ("organisation", 2, "Organisations"),
    ("conversation", 3, "Conversations"),
    ("interaction", 4, "Timeline"),
    ("event", 5, "Events"),
    ("journal_entry", 6, "Journal"),
)
KIND_NAMES = {
    "person": "person",
    "organisation": "organisation",
    "conversation": "conversation",
    "interaction": "interaction",
    "event": "event",
    "journal_entry": "journal entry",
}

_WORD = re.compile(r"[^\W_]+")
_FOLD_TABLE = str.maketrans(dict(FOLDS))


def fold(text: str) -> str:
    """Lower case without accents, with ø, æ, ß and the like spelled out plainly."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.casefold()


def query_terms(text: str) -> list[str]:
    """The blank-separated pieces of `text` that hold a letter or a digit, in order, without
    repeats (at most MAX_TERMS), with ø, æ, ß and the like spelled out as in the index's
    folded columns. Case and accents are left to FTS5, which folds the query with the
    same tokenizer as the text: "Андрей" or "Νίκος" typed as saved always match."""
    terms: list[str] = []
    for chunk in text[: MAX_TERMS * (MAX_TERM_LENGTH + 1) * 4].split():
        kept = "".join(
            ch
            for ch in chunk.translate(_FOLD_TABLE)
            if unicodedata.category(ch) not in ("Cc", "Cs", "Cf")
        )[:MAX_TERM_LENGTH]
        if any(ch.isalnum() for ch in kept) and kept not in terms:
            terms.append(kept)
            if len(terms) == MAX_TERMS:
                break
    return terms


def match_expression(terms: Sequence[str], columns: str = "") -> str | None:
    """An FTS5 query: every term a quoted string (so `AND`, `NEAR(`, `*` are just text)
    matched as a prefix, all required. None when there is nothing to look for."""
    if not terms:
        return None
    phrases = " ".join('"' + term.replace('"', '""') + '"*' for term in terms)
    return f"{{{columns}}} : ({phrases})" if columns else phrases


def _words_of(terms: Sequence[str]) -> list[str]:
    """The terms as folded words, for marking matches in a snippet."""
    return [word for term in terms for word in _WORD.findall(fold(term))]


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int  # the record's id in its own table
    label: str
    detail: str
    day: date | None
    snippet: tuple[tuple[str, bool], ...]  # (text, matched) pieces

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]


@dataclass(frozen=True)
class Group:
    kind: str
    heading: str
    hits: tuple[Hit, ...]
    more: bool  # there are more matches than shown


def search(text: str, per_kind: int = 5) -> list[Group]:
    """The best few matches of each kind; title matches first, newest first within."""
    terms = query_terms(text)
    everywhere = match_expression(terms)
    if everywhere is None:
        return []
    in_titles = match_expression(terms, "title title_folded")
    words = _words_of(terms)
    groups = []
    for kind, code, heading in KINDS:
        low, high = code * KIND_SPAN, (code + 1) * KIND_SPAN - 1
        found: list[tuple[int, str, str]] = []
        for expression in (in_titles, everywhere):
            if len(found) > per_kind:
                break
            taken = [rowid for rowid, _t, _b in found]
            rows = db.execute_sql(
                "SELECT rowid, title, body FROM search_index WHERE search_index MATCH ? "
                f"AND rowid BETWEEN ? AND ? AND rowid NOT IN ({','.join('?' * len(taken))}) "
                "ORDER BY rowid DESC LIMIT ?",
                (expression, low, high, *taken, per_kind + 1 - len(found)),
            ).fetchall()
            found.extend(rows)
        if not found:
            continue
        shown = found[:per_kind]
        details = _describe(kind, [rowid - low for rowid, _t, _b in shown])
        hits = []
        for rowid, title, body in shown:
            record_id = rowid - low
            label, detail, day = details.get(record_id, (title, "", None))
            hits.append(Hit(kind, record_id, label, detail, day, snippet(body, words)))
        groups.append(Group(kind, heading, tuple(hits), len(found) > per_kind))
    return groups


def title_matches(kind: str, text: str, limit: int) -> list[int]:
    """Ids of records of one kind whose name or title matches every word of `text` (as
    prefixes, accents folded), newest first: for the `@` completion."""
    terms = query_terms(text)
    expression = match_expression(terms, "title title_folded")
    if expression is None:
        return []
    code = next(code for name, code, _heading in KINDS if name == kind)
    low = code * KIND_SPAN
    rows = db.execute_sql(
        "SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? "
        "ORDER BY rowid DESC LIMIT ?",
        (expression, low, low + KIND_SPAN - 1, limit),
    ).fetchall()
    return [rowid - low for (rowid,) in rows]


def search_lines(text: str, limit: int = 50) -> list[str]:
    """`pathfinder search`: one line per match (kind, name or title, date), tab-separated."""
    lines = []
    for group in search(text, per_kind=limit):
        for hit in group.hits:
            day = hit.day.isoformat() if hit.day else ""
            label = " ".join(hit.label.split())  # a tab or a newline would break the line
            lines.append(f"{hit.kind_name}\t{label}\t{day}")
    return lines


# -- snippets -------------------------------------------------------------------


_MARKS = re.compile(r"\*\*|__|`")
_HEADING_MARKS = re.compile(r"^\s*#+\s", re.MULTILINE)


def snippet(text: str, terms: Sequence[str]) -> tuple[tuple[str, bool], ...]:
    """A few words of `text` around the first match, split into matched and plain pieces
    (Markdown's bold and heading marks left out)."""
    words = [
        word.group() for word in re.finditer(r"\S+", _MARKS.sub("", _HEADING_MARKS.sub(" ", text)))
    ]
    first = next((index for index, word in enumerate(words) if _matches(word, terms)), None)
    if first is None:
        return ()  # the match is in the title, which is shown already
    start = max(0, first - SNIPPET_WORDS // 3)
    end = min(len(words), start + SNIPPET_WORDS)
    matched = {index for index in range(first, end) if _matches(words[index], terms)}
    pieces: list[tuple[str, bool]] = []
    if start > 0:
        pieces.append(("… ", False))
    for index in range(start, end):
        word = words[index]
        gap = " " if index < end - 1 else ""
        if index in matched:
            pieces.append((word, True))
            pieces.append((gap, False))
        else:
            pieces.append((word + gap, False))
    if end < len(words):
        pieces.append((" …", False))
    merged: list[tuple[str, bool]] = []
    for piece, is_match in pieces:
        if merged and merged[-1][1] == is_match:
            merged[-1] = (merged[-1][0] + piece, is_match)
        elif piece:
            merged.append((piece, is_match))
    return tuple(merged)


def _matches(word: str, terms: Sequence[str]) -> bool:
    plain = word.lower() if word.isascii() else fold(word)  # folding is the slow part
    return any(part.startswith(term) for part in _WORD.findall(plain) for term in terms)


# -- what each hit is called ------------------------------------------------------


def _describe(kind: str, ids: list[int]) -> dict[int, tuple[str, str, date | None]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    sql = {
        "person": "SELECT c.id, c.name, trim(c.title || CASE WHEN o.name IS NULL THEN '' "
        "ELSE ' at ' || o.name END), c.last_contact_on FROM contact c "
        f"LEFT JOIN organisation o ON o.id = c.organisation_id WHERE c.id IN ({marks})",
        "organisation": f"SELECT id, name, industry, NULL FROM organisation WHERE id IN ({marks})",
        "conversation": "SELECT v.id, 'Conversation with ' || c.name, "
        "coalesce(r.title, '') || CASE WHEN r.title IS NULL THEN '' ELSE ', ' END || v.stage, "
        "coalesce(v.met_on, v.scheduled_for, date(v.created_at)) FROM conversation v "
        "JOIN contact c ON c.id = v.contact_id LEFT JOIN target_role r ON r.id = v.target_role_id "
        f"WHERE v.id IN ({marks})",
        "interaction": "SELECT i.id, upper(substr(k.name, 1, 1)) || substr(k.name, 2) || ' · ' "
        "|| c.name, '', i.happened_on FROM interaction i JOIN contact c ON c.id = "
        f"i.contact_id JOIN interaction_kind k ON k.id = i.kind_id WHERE i.id IN ({marks})",
        "event": f"SELECT id, name, place, happened_on FROM event WHERE id IN ({marks})",
        "journal_entry": "SELECT id, title, substr(body, 1, 400), date(written_at) "
        f"FROM journal_entry WHERE id IN ({marks})",
    }[kind]
    described = {}
    for record_id, label, detail, day in db.execute_sql(sql, ids).fetchall():
        if kind == "journal_entry":
            from pathfinder.services.journal import entry_heading

            label, detail = entry_heading(label, detail), ""
        described[record_id] = (label, detail or "", _as_date(day))
    return described


def _as_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# -- keeping the index honest -----------------------------------------------------


def index_problems() -> list[str]:
    """What is wrong with the search index: FTS5's own check, then row by row against what
    the notebook says now. Empty when all is well."""
    problems = []
    try:
        db.execute_sql("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    except DatabaseError as error:
        problems.append(f"The search index is damaged ({error}).")
        return problems
    expected = set(_expected_rows())
    actual = set(
        db.execute_sql(
            "SELECT rowid, title, body, title_folded, body_folded FROM search_index"
        ).fetchall()
    )
    if expected != actual:
        missing, extra = len(expected - actual), len(actual - expected)
        problems.append(
            f"The search index is out of step with the notebook ({missing} rows missing or "
            f"stale, {extra} left over)."
        )
    return problems


def _expected_rows() -> list[tuple[int, str, str, str, str]]:
    rows: list[tuple[int, str, str, str, str]] = []
    for kind, (code, *_rest) in SOURCES.items():
        rows += db.execute_sql(
            f"SELECT {code * KIND_SPAN} + id, title, body, title_folded, body_folded "
            f"FROM search_source_{kind}"
        ).fetchall()
    return rows


def rebuild_index() -> None:
    """Build the index again from the notebook: a repair (the triggers keep it in step).

    The table is dropped and made anew rather than emptied, so a damaged index (whose
    every write would fail, and with it every save) is replaced, not read.
    """
    with db.atomic():
        db.execute_sql("DROP TABLE IF EXISTS search_index")
        db.execute_sql(CREATE_INDEX)
        for kind, (code, *_rest) in SOURCES.items():
            db.execute_sql(
                "INSERT INTO search_index (rowid, title, body, title_folded, body_folded) "
                f"SELECT {code * KIND_SPAN} + id, title, body, title_folded, body_folded "
                f"FROM search_source_{kind}"
            )


@contextlib.contextmanager
def indexed_afterwards(tables: Iterable[str]) -> Iterator[None]:
    """Inside a transaction: rows inserted into `tables` are indexed in one statement per
    table at the end, instead of one by one by their insert triggers (lifted meanwhile
    and put back exactly as they were; a failure rolls both back with the transaction).
    For imports adding thousands of rows."""
    wanted = set(tables)
    kinds = [(kind, code, table) for kind, (code, table, *_r) in SOURCES.items() if table in wanted]
    triggers = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"
        " AND sql LIKE '%AFTER INSERT ON%' AND tbl_name IN (" + ", ".join("?" for _ in kinds) + ")",
        [table for _kind, _code, table in kinds],
    ).fetchall()
    last_ids = {
        table: db.execute_sql(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        for _kind, _code, table in kinds
    }
    for name, _sql in triggers:
        db.execute_sql(f'DROP TRIGGER "{name}"')
    try:
        yield
    except BaseException:
        # The caller's rollback brings the triggers back; should it carry on instead,
        # they must not stay lifted.
        for _name, sql in triggers:
            with contextlib.suppress(DatabaseError):  # the first error is the one to report
                db.execute_sql(sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))
        raise
    for kind, code, table in kinds:
        db.execute_sql(
            "INSERT INTO search_index (rowid, title, body, title_folded, body_folded) "
            f"SELECT {code * KIND_SPAN} + id, title, body, title_folded, body_folded "
            f"FROM search_source_{kind} WHERE id > ?",
            [last_ids[table]],
        )
    for _name, sql in triggers:
        db.execute_sql(sql)
