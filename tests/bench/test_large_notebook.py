"""The large-notebook generator, run small: its rows are those the services would write."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from pathfinder.paths import Paths
from pathfinder.services import journal, journal_browse, journal_validation
from pathfinder.services.people import get_person
from pathfinder.services.people_table import PeopleFilter, people_rows
from pathfinder.services.search import index_problems, search
from pathfinder.services.validation import SHORT_TEXT_LIMIT
from pathfinder.store.database import APPLICATION_ID, close_notebook, db, open_notebook
from pathfinder.store.migrations import LATEST_VERSION

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "large_notebook.py"
SMALL = {
    "people": 300,
    "organisations": 40,
    "interactions": 1_000,
    "follow_ups": 50,
    "conversations": 60,
    "journal_entries": 200,
}


def _load_generator() -> ModuleType:
    if str(GENERATOR.parent) not in sys.path:  # as `python bench/run.py` has it
        sys.path.insert(0, str(GENERATOR.parent))
    spec = importlib.util.spec_from_file_location("large_notebook", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Path]:
    yield generator.build_large_notebook(tmp_path / "small", **SMALL)
    close_notebook()
    db.initialize(None)


def _rows(database: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_the_counts_are_as_asked(small: Path) -> None:
    for table, expected in (
        ("contact", 300),
        ("organisation", 40),
        ("interaction", 1_000),
        ("follow_up", 50),
        ("conversation", 60),
        ("journal_entry", 200),
    ):
        assert _rows(small, f"SELECT count(*) FROM {table}") == [(expected,)]
    assert _rows(small, "SELECT count(*) > 0 FROM contact_tag") == [(1,)]
    assert _rows(small, "SELECT count(*) > 0 FROM contact WHERE introduced_by_id") == [(1,)]
    assert _rows(small, "SELECT count(*) > 0 FROM organisation WHERE is_target") == [(1,)]
    assert _rows(small, "SELECT count(*) > 0 FROM journal_tag") == [(1,)]
    assert _rows(small, "SELECT count(*) > 0 FROM journal_link") == [(1,)]


def test_last_contact_is_the_newest_interaction(small: Path) -> None:
    mismatched = _rows(
        small,
        "SELECT c.id FROM contact c WHERE c.last_contact_on IS NOT "
        "(SELECT max(i.happened_on) FROM interaction i WHERE i.contact_id = c.id)",
    )
    assert mismatched == []
    assert _rows(small, "SELECT count(*) > 0 FROM contact WHERE last_contact_on") == [(1,)]


def test_everyone_with_a_job_has_it_as_their_current_role(small: Path) -> None:
    missing = _rows(
        small,
        "SELECT c.id FROM contact c WHERE (c.organisation_id IS NOT NULL OR c.title != '') "
        "AND NOT EXISTS (SELECT 1 FROM role_held r WHERE r.contact_id = c.id "
        "AND r.ended_on IS NULL AND r.organisation_id IS c.organisation_id "
        "AND r.title = c.title)",
    )
    assert missing == []
    assert _rows(small, "PRAGMA foreign_key_check") == []


def test_it_opens_as_a_notebook_and_reads_through_the_services(
    small: Path, model_drift: Callable[[], object]
) -> None:
    paths = Paths(small.parent)
    open_notebook(paths.database, paths.backups_dir)
    assert db.pragma("application_id") == APPLICATION_ID
    assert db.pragma("user_version") == LATEST_VERSION
    assert not model_drift()
    rows = people_rows(PeopleFilter(), generator.REFERENCE_DAY)
    archived = people_rows(PeopleFilter(archived=True), generator.REFERENCE_DAY)
    assert len(rows) + len(archived) == 300
    person = get_person(rows[0].id)
    assert person is not None and person.name == rows[0].name
    assert db.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_same_seed_gives_the_same_notebook(small: Path, tmp_path: Path) -> None:
    again = generator.build_large_notebook(tmp_path / "again", **SMALL)
    other = generator.build_large_notebook(tmp_path / "other", **SMALL, seed=8)

    def dump(database: Path) -> list[tuple[object, ...]]:
        return [
            row
            for table in ("contact", "interaction", "journal_entry", "journal_tag", "journal_link")
            for row in _rows(database, f"SELECT * FROM {table} ORDER BY rowid")
        ]

    assert dump(again) == dump(small)
    assert dump(other) != dump(small)


def test_the_global_binding_is_left_as_it_was(notebook: Paths, tmp_path: Path) -> None:
    bound = db.obj
    generator.build_large_notebook(tmp_path / "aside", **SMALL)
    assert db.obj is bound and not bound.is_closed()


def test_journal_entries_are_like_the_ones_people_write(small: Path) -> None:
    (entries, average, shared, with_mood, with_confidence, titled) = _rows(
        small,
        "SELECT count(*), avg(length(body)), avg(shared), avg(mood IS NOT NULL), "
        "avg(confidence IS NOT NULL), avg(title != '') FROM journal_entry",
    )[0]
    assert entries == 200
    assert 800 <= average <= 1_300  # about 1 KB of Markdown
    assert 0.15 <= shared <= 0.45  # about 30%
    assert with_mood >= 0.7 and with_confidence >= 0.6
    assert 0.3 <= titled <= 0.8
    # Markdown: paragraphs everywhere, headings and lists in some.
    assert _rows(small, "SELECT min(instr(body, char(10, 10)) > 0) FROM journal_entry") == [(1,)]
    assert _rows(small, "SELECT count(*) > 0 FROM journal_entry WHERE body LIKE '%## %'") == [(1,)]
    assert _rows(small, "SELECT count(*) > 0 FROM journal_entry WHERE body LIKE '%- %'") == [(1,)]
    # Dated within the generator's years, never after "today"; ids follow creation.
    first, last = _rows(small, "SELECT min(written_at), max(written_at) FROM journal_entry")[0]
    assert str(first) >= generator.FIRST_DAY.isoformat()
    assert str(last) < generator.REFERENCE_DAY.isoformat()
    out_of_order = _rows(
        small,
        "SELECT count(*) FROM journal_entry a JOIN journal_entry b ON b.id = a.id + 1 "
        "WHERE b.created_at < a.created_at OR a.updated_at < a.created_at "
        "OR a.written_at > a.created_at",
    )
    assert out_of_order == [(0,)]
    longest_title = _rows(small, "SELECT max(length(title)) FROM journal_entry")[0][0]
    assert isinstance(longest_title, int) and longest_title <= SHORT_TEXT_LIMIT


def test_journal_tags_and_links(small: Path) -> None:
    per_entry = dict(_rows(small, "SELECT entry_id, count(*) FROM journal_tag GROUP BY entry_id"))
    assert max(per_entry.values()) <= 3
    assert 0.5 <= len(per_entry) / 200 <= 0.95  # 0 to 3 tags, a quarter with none
    names = {name for (name,) in _rows(small, "SELECT DISTINCT name FROM journal_tag")}
    assert names <= set(generator.JOURNAL_TAGS)
    # About 40% link one person (only people, and only someone added by then), and the
    # entry names them.
    links = _rows(
        small,
        "SELECT l.entry_id, l.contact_id, l.conversation_id, l.event_id, "
        "c.created_at <= j.written_at, instr(j.body, c.name) > 0 FROM journal_link l "
        "JOIN journal_entry j ON j.id = l.entry_id JOIN contact c ON c.id = l.contact_id",
    )
    assert 0.25 <= len(links) / 200 <= 0.55
    assert len({entry_id for entry_id, *_rest in links}) == len(links)
    assert all(
        conversation is None and event is None and added_before and named
        for _entry, _contact, conversation, event, added_before, named in links
    )


def test_the_journal_reads_through_the_services_and_the_index_is_in_step(small: Path) -> None:
    paths = Paths(small.parent)
    open_notebook(paths.database, paths.backups_dir)
    assert index_problems() == []
    pairs = journal.entry_ids()
    assert len(pairs) == 200
    newest = journal.get_entry(pairs[0][0])
    assert newest.tags == journal_validation.clean_tags(newest.tags)
    assert set(journal_browse.entry_briefs([entry_id for entry_id, _month in pairs[:20]])) == {
        entry_id for entry_id, _month in pairs[:20]
    }
    tag, count = journal.tags_in_use()[0]
    assert len(journal.entry_ids(journal.JournalFilter(tag=tag))) == count
    # The triggers indexed the entries, with their tags: a linked person's name finds
    # the entry that names them.
    entry_id, name = db.execute_sql(
        "SELECT l.entry_id, c.name FROM journal_link l JOIN contact c ON c.id = l.contact_id "
        "ORDER BY l.entry_id DESC LIMIT 1"
    ).fetchone()
    found = {group.kind: group for group in search(name, per_kind=200)}
    assert entry_id in {hit.id for hit in found["journal_entry"].hits}
    assert [group.kind for group in search(tag)][-1] == "journal_entry"


def test_conversations_are_as_the_services_leave_them(small: Path) -> None:
    stages = dict(_rows(small, "SELECT stage, count(*) FROM conversation GROUP BY stage"))
    today = generator.REFERENCE_DAY
    assert {"idea", "thanked", "closed"} <= set(stages)
    # Dates in order, none in the future but a planned meeting; each stage's own dates.
    bad = _rows(
        small,
        "SELECT id FROM conversation WHERE requested_on > scheduled_for "
        "OR requested_on > met_on OR met_on > thanked_on OR requested_on > thanked_on "
        f"OR requested_on >= '{today}' OR met_on >= '{today}' OR thanked_on >= '{today}' "
        "OR (stage IN ('met', 'thanked') AND met_on IS NULL) "
        "OR (stage = 'thanked' AND thanked_on IS NULL) "
        "OR (stage IN ('idea', 'requested', 'scheduled', 'prepared') "
        "AND coalesce(met_on, thanked_on) IS NOT NULL) "
        "OR (stage = 'idea' AND requested_on IS NOT NULL) "
        "OR created_at > updated_at",
    )
    assert bad == []
    # A meeting and a thank-you each logged the matching interaction, on that day.
    unlinked = _rows(
        small,
        "SELECT v.id FROM conversation v "
        "LEFT JOIN interaction m ON m.id = v.met_interaction_id "
        "LEFT JOIN interaction_kind mk ON mk.id = m.kind_id "
        "LEFT JOIN interaction t ON t.id = v.thanked_interaction_id "
        "LEFT JOIN interaction_kind tk ON tk.id = t.kind_id "
        "WHERE (v.met_on IS NOT NULL) != (m.id IS NOT NULL) "
        "OR (v.thanked_on IS NOT NULL) != (t.id IS NOT NULL) "
        "OR m.contact_id != v.contact_id OR m.happened_on != v.met_on "
        "OR mk.name != 'informational interview' "
        "OR t.contact_id != v.contact_id OR t.happened_on != v.thanked_on "
        "OR tk.name != 'thank-you'",
    )
    assert unlinked == []
    assert _rows(small, "SELECT count(*) > 0 FROM conversation WHERE thanked_interaction_id") == [
        (1,)
    ]
    # Questions come from the seeded bank, answered once they met.
    assert _rows(
        small,
        "SELECT count(*) FROM conversation_question q JOIN question b ON b.id = q.question_id "
        "AND b.text = q.text",
    ) == _rows(small, "SELECT count(*) FROM conversation_question")
    assert _rows(
        small,
        "SELECT count(*) FROM conversation_question q JOIN conversation v "
        "ON v.id = q.conversation_id WHERE (q.answer != '') != (v.met_on IS NOT NULL)",
    ) == [(0,)]


def test_it_opens_on_today_with_a_why_and_goals(small: Path) -> None:
    from pathfinder.services.goals import all_progress
    from pathfinder.services.questions import question_bank
    from pathfinder.services.why import current_why

    paths = Paths(small.parent)
    open_notebook(paths.database, paths.backups_dir)
    changes = db.connection().total_changes
    why = current_why()
    assert why is not None and why.going_to
    goals = importlib.import_module("large_notebook_talks").GOALS
    assert len(all_progress(generator.REFERENCE_DAY)) == len(goals)
    assert question_bank()  # seeded already, so opening it writes nothing
    assert db.connection().total_changes == changes
