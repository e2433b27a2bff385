"""The notebook's own rules, checked on an archive's rows before anything is written.

SQLite refuses a row that breaks a CHECK constraint or a unique index only when it
is inserted, after the notebook was opened or created (and, for a merge, after a
backup was made). So `archive_read` checks the same rules first, read from the
models: a column's list of choices (`status IN (...)`), a range (`mood BETWEEN 1
AND 5`), a link's "exactly one of these columns", and the unique indexes (names
that ignore ASCII case compare as the notebook compares them). A CHECK this
module can't read stops Pathfinder from starting, so a new rule is never skipped
without anyone noticing.

It also holds the limits that keep one archive from harming the notebook it goes
into: ids and AUTOINCREMENT counters are at most `MAX_ID` (a counter near SQLite's
largest number would stop every new record, with an error that says the disk is
full), a counter at most `MAX_SEQUENCE_GAP` above its table's highest id, and a
text at most the limit the services put on what a person types there (a 600 MB
note would otherwise take gigabytes of memory, and stay in the notebook).
`value_check` puts a column's kind, rules and limits together. No Qt here.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import peewee

from pathfinder.services import contact_fields, conversations, interactions
from pathfinder.services.archive import BOOLEAN, INTEGER, TEXT, TableSpec, date_problem
from pathfinder.services.validation import LONG_TEXT_LIMIT
from pathfinder.store.models import ALL_MODELS

ValueCheck = Callable[[Any], str]  # '' when a (non-null) value fits, else what it must be
INTEGER_RANGE = (-(1 << 63), (1 << 63) - 1)  # SQLite's

# Whole numbers JSON readers in every language keep exactly (2**53); far below SQLite's
# largest id, so a notebook can always hand out the next one.
MAX_ID = 1 << 53
# How far a counter may run ahead of its table's highest id: every record ever deleted
# counts, but no notebook deletes a hundred million.
MAX_SEQUENCE_GAP = 100_000_000
# Any text: the services' limit for long texts (notes, a journal entry's body), which no
# shorter field's limit exceeds ...
TEXT_LIMIT = LONG_TEXT_LIMIT
# ... except these, where the services allow more. The report's questions and next steps
# have no limit where they are typed, so they get the largest.
LONGER_TEXTS: dict[tuple[str, str], int] = {
    ("contact", "notes"): contact_fields.NOTES_LIMIT,
    ("interaction", "notes"): interactions.NOTES_LIMIT,
    ("conversation", "research_notes"): conversations.NOTES_LIMIT,
    ("conversation", "meeting_notes"): conversations.NOTES_LIMIT,
    ("report_sent", "questions"): contact_fields.NOTES_LIMIT,
    ("report_sent", "next_steps"): contact_fields.NOTES_LIMIT,
    # the fields an import filled in, as JSON: notes at most, twice (before and after)
    ("import_change", "previous"): 3 * contact_fields.NOTES_LIMIT,
}

_CHOICES = re.compile(r"CHECK \((\w+) IN \((.*)\)\)")
_RANGE = re.compile(r"CHECK \((\w+) BETWEEN (-?\d+) AND (-?\d+)\)")
_EXACTLY_ONE = re.compile(r"CHECK \((\(\w+ IS NOT NULL\)(?: \+ \(\w+ IS NOT NULL\))*) = 1\)")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


@dataclass(frozen=True)
class TableRules:
    choices: Mapping[str, tuple[Any, ...]]  # column -> the values it may hold
    ranges: Mapping[str, tuple[int, int]]  # column -> lowest and highest
    exactly_one: tuple[str, ...]  # exactly one of these columns is not null ('' if no rule)
    unique: tuple[tuple[str, ...], ...]  # column sets no two rows share (besides the key)
    nocase: frozenset[str]  # columns compared ignoring ASCII case


def _constraint_text(constraint: Any, where: str) -> str:
    if not isinstance(constraint, peewee.SQL):
        raise TypeError(f"{where}: archive_rules can't read the constraint {constraint!r}")
    return str(constraint.sql)


def _rules(model: type[peewee.Model]) -> TableRules:
    meta = model._meta
    choices: dict[str, tuple[Any, ...]] = {}
    ranges: dict[str, tuple[int, int]] = {}
    exactly_one: tuple[str, ...] = ()
    for field in meta.sorted_fields:
        for constraint in field.constraints or ():
            text = _constraint_text(constraint, f"{meta.table_name}.{field.column_name}")
            if matched := _CHOICES.fullmatch(text):
                choices[matched[1]] = tuple(ast.literal_eval(f"({matched[2]},)"))
            elif matched := _RANGE.fullmatch(text):
                ranges[matched[1]] = (int(matched[2]), int(matched[3]))
            else:
                raise TypeError(f"{meta.table_name}: archive_rules can't read {text!r}")
    for constraint in meta.constraints or ():
        text = _constraint_text(constraint, meta.table_name)
        matched = _EXACTLY_ONE.fullmatch(text)
        if matched is None:
            raise TypeError(f"{meta.table_name}: archive_rules can't read {text!r}")
        exactly_one = tuple(re.findall(r"\((\w+) IS NOT NULL\)", matched[1]))
    unique = [(f.column_name,) for f in meta.sorted_fields if f.unique and not f.primary_key]
    for index in meta.indexes or ():
        if isinstance(index, peewee.SQL) and index.sql.startswith("CREATE INDEX "):
            continue  # an index on expressions, for speed only: no rule for an archive
        if isinstance(index, peewee.ModelIndex) and not index._unique:
            continue  # for speed only too
        if not isinstance(index, tuple):
            raise TypeError(f"{meta.table_name}: archive_rules can't read the index {index!r}")
        names, is_unique = index
        if is_unique:
            unique.append(tuple(meta.fields[name].column_name for name in names))
    nocase = frozenset(
        f.column_name for f in meta.sorted_fields if (f.collation or "").upper() == "NOCASE"
    )
    return TableRules(choices, ranges, exactly_one, tuple(unique), nocase)


RULES: dict[str, TableRules] = {model._meta.table_name: _rules(model) for model in ALL_MODELS}


def text_limit(table: str, column: str) -> int:
    """The most characters a text of `column` may hold in an archive."""
    return LONGER_TEXTS.get((table, column), TEXT_LIMIT)


def value_rule_problem(table: str, column: str, value: Any) -> str:
    """'' when a (non-null) `value` keeps the column's CHECK rule, else what it must be."""
    rules = RULES[table]
    allowed = rules.choices.get(column)
    if allowed is not None and value not in allowed:
        return "one of " + ", ".join(repr(choice) for choice in allowed)
    bounds = rules.ranges.get(column)
    if bounds is not None and not bounds[0] <= value <= bounds[1]:
        return f"from {bounds[0]} to {bounds[1]}"
    return ""


def row_rule_problem(table: str, row: Mapping[str, Any]) -> str:
    """'' when the row keeps its table's own CHECK rule, else the rule it breaks."""
    columns = RULES[table].exactly_one
    if columns and sum(row[column] is not None for column in columns) != 1:
        return f"exactly one of {', '.join(columns)} must be set"
    return ""


def fold(value: Any) -> Any:
    """`value` as a NOCASE column compares it (SQLite folds ASCII letters only)."""
    return value.translate(_ASCII_LOWER) if isinstance(value, str) else value


def value_check(spec: TableSpec, column: str) -> ValueCheck:
    """How a (non-null) value of `column` is checked: its kind, the column's rules, and
    its limits. Built once per column; the check runs for every value of an archive."""
    kind = spec.kinds[column]
    rules = RULES[spec.name]
    ruled = column in rules.choices or column in rules.ranges

    def rule(value: Any) -> str:
        return value_rule_problem(spec.name, column, value) if ruled else ""

    if kind == INTEGER:
        an_id = spec.autoincrement and column == "id"
        low, high = (1, MAX_ID) if an_id else INTEGER_RANGE
        shape = f"a whole number from 1 to {MAX_ID:,}" if an_id else "a whole number"

        def integer(value: Any) -> str:
            if type(value) is not int or not low <= value <= high:
                return shape
            return rule(value)

        return integer
    if kind == BOOLEAN:
        return lambda value: "" if type(value) is int and value in (0, 1) else "0 or 1"
    if kind != TEXT:
        return lambda value: date_problem(kind, value)
    limit = text_limit(spec.name, column)

    def text(value: Any) -> str:
        if not isinstance(value, str):
            return "text"
        if len(value) > limit:
            return f"at most {limit:,} characters long (it has {len(value):,})"
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return "text without lone surrogates"
        return rule(value)

    return text
