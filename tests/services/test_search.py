"""Search: the index follows every write, any text is a safe query, accents fold."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pathfinder.paths import Paths
from pathfinder.services import (
    conversations,
    events,
    interactions,
    journal,
    organisations,
    people,
    people_bulk,
    roles,
)
from pathfinder.services.search import (
    fold,
    index_problems,
    query_terms,
    rebuild_index,
    search,
    search_lines,
)
from pathfinder.store.database import db

NOW = datetime(2026, 3, 2, 19, 30)


def found(text: str) -> set[tuple[str, str]]:
    return {(hit.kind, hit.label) for group in search(text) for hit in group.hits}


def test_every_kind_is_found_and_grouped_in_order(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW, organisation="Acme Health", title="Designer")
    organisations.update_organisation(
        organisations.find_or_create_organisation("Acme Health", now=NOW) or 0,
        now=NOW,
        notes="Hospital software",
    )
    kind = interactions.kinds()[0]
    interactions.log_interaction(ana.id, kind.id, on=date(2026, 3, 1), summary="hospital coffee")
    talk = conversations.start_conversation(ana.id, now=NOW)
    conversations.update_conversation(talk.id, now=NOW, meeting_notes="Hospital rounds are long")
    events.add_event("Hospital tech meetup", date(2026, 2, 1), now=NOW)
    journal.add_entry(NOW, title="Thinking", body="The hospital visit went well")

    groups = search("hospit")
    assert [group.kind for group in groups] == [
        "organisation",
        "conversation",
        "interaction",
        "event",
        "journal_entry",
    ]
    assert found("ana") >= {("person", "Ana Ruiz"), ("conversation", "Conversation with Ana Ruiz")}
    journal_hit = groups[-1].hits[0]
    assert journal_hit.label == "Thinking"
    assert ("hospital", True) in {(text.casefold(), match) for text, match in journal_hit.snippet}


def test_the_index_follows_edits_renames_and_deletes(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW, organisation="Acme Health")
    talk = conversations.start_conversation(ana.id, now=NOW)
    assert ("conversation", "Conversation with Ana Ruiz") in found("ruiz")
    people.update_person(ana.id, now=NOW, name="Ana Moreno")
    assert found("ruiz") == set()
    assert ("conversation", "Conversation with Ana Moreno") in found("moreno")
    # Renaming the organisation reaches the person who works there.
    acme = organisations.find_or_create_organisation("Acme Health", now=NOW) or 0
    organisations.update_organisation(acme, now=NOW, name="Zenith Care")
    assert ("person", "Ana Moreno") in found("zenith")
    snapshot = people_bulk.delete_people([ana.id])
    assert found("moreno") == set()
    people_bulk.restore_people(snapshot)
    assert ("conversation", "Conversation with Ana Moreno") in found("moreno")
    assert talk.id
    assert index_problems() == []


def test_tags_of_an_entry_are_searchable(notebook: Paths) -> None:
    entry = journal.add_entry(NOW, body="Plain words", tags=["courage"])
    assert ("journal_entry", "Plain words") in found("courage")
    journal.set_tags(entry.id, ["calm"])
    assert found("courage") == set()
    assert found("calm")
    assert index_problems() == []


def test_accents_and_special_letters_fold(notebook: Paths) -> None:
    people.add_person("Bjørn Østergaard", now=NOW)
    people.add_person("Élodie Müller", now=NOW)
    people.add_person("Straße Łukasz", now=NOW)
    assert ("person", "Bjørn Østergaard") in found("Østergaard")
    assert ("person", "Bjørn Østergaard") in found("ostergaard")
    assert ("person", "Bjørn Østergaard") in found("bjorn")
    assert ("person", "Bjørn Østergaard") in found("BJØRN")
    assert ("person", "Élodie Müller") in found("elodie muller")
    assert ("person", "Élodie Müller") in found("ÉLODIE")
    assert ("person", "Straße Łukasz") in found("strasse lukasz")
    # The snippet shows the text as written, with the matched word marked.
    (hit,) = [h for g in search("bjorn") for h in g.hits]
    assert hit.label == "Bjørn Østergaard"


def test_prefixes_match_while_typing_and_all_words_are_required(notebook: Paths) -> None:
    people.add_person("Priya Shah", now=NOW, title="Researcher")
    people.add_person("Priya Patel", now=NOW)
    assert len(found("pri")) == 2
    assert found("pri sha") == {("person", "Priya Shah")}
    assert found("priya research") == {("person", "Priya Shah")}


def test_hostile_text_is_just_words(notebook: Paths) -> None:
    people.add_person("Near Andersson", now=NOW, notes='He said "AND" NOT (maybe) *')
    for text in [
        '"',
        "-",
        "AND",
        "NEAR(",
        "*",
        "(((",
        'a" OR "b',
        "^",
        "{title}:",
        "x" * 10_000,
        "😀",
        "NOT",
        "name:",
        "a-b",
        "'",
        ":",
        "",
        "   ",
    ]:
        search(text)
    assert ("person", "Near Andersson") in found("NEAR(")
    assert ("person", "Near Andersson") in found('"and" not')


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_no_text_ever_raises(notebook: Paths, text: str) -> None:
    search(text)
    assert len(query_terms(text)) <= 12


def test_fold_spells_out_letters() -> None:
    assert fold("Bjørn Ærø Straße") == "bjorn aero strasse"
    assert fold("Ångström") == "angstrom"


def test_the_command_line_lines_name_kind_label_and_date(notebook: Paths) -> None:
    events.add_event("Design meetup", date(2026, 2, 12), now=NOW)
    journal.add_entry(datetime(2026, 2, 13, 21, 0), title="After the meetup", body="Good")
    lines = search_lines("meetup")
    assert lines == [
        "event\tDesign meetup\t2026-02-12",
        "journal entry\tAfter the meetup\t2026-02-13",
    ]
    assert search_lines("nothing-like-this") == []


def test_rebuild_restores_a_broken_index(notebook: Paths) -> None:
    people.add_person("Ana Ruiz", now=NOW)
    db.execute_sql("DELETE FROM search_index")
    assert index_problems()
    rebuild_index()
    assert index_problems() == []
    assert found("ana")


def test_target_role_and_kind_renames_reach_dependents(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW)
    role = roles.add_role("UX researcher", "", "exploring", "", now=NOW)
    conversations.start_conversation(ana.id, role.id, now=NOW)
    roles.update_role(role.id, now=NOW, title="Service designer")
    assert ("conversation", "Conversation with Ana Ruiz") in found("service designer")
    kind = interactions.kinds()[0]
    interactions.log_interaction(ana.id, kind.id, on=date(2026, 3, 1))
    interactions.rename_kind(kind.id, "espresso")
    assert any(label.startswith("Espresso") for _k, label in found("espresso"))
    assert index_problems() == []


def test_snippets_leave_out_markdown_marks_and_title_only_matches() -> None:
    from pathfinder.services.search import snippet

    assert snippet("## Notes\n**Ruth** said yes", ["ruth"]) == (
        ("Notes ", False),
        ("Ruth", True),
        (" said yes", False),
    )
    assert snippet("nothing here", ["ruth"]) == ()


def _tokenizes(word: str) -> bool:
    scratch = sqlite3.connect(":memory:")
    scratch.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61')")
    scratch.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    scratch.execute("INSERT INTO t VALUES (?)", (word,))
    terms = scratch.execute("SELECT count(*) FROM v").fetchone()[0]
    scratch.close()
    return bool(terms)


NAME_LETTERS = st.characters(categories=("Lu", "Ll", "Lo", "Nd"), exclude_characters="ǅǈǋǲ")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(NAME_LETTERS, min_size=1, max_size=12))
def test_a_name_is_found_as_it_was_typed(notebook: Paths, word: str) -> None:
    # SQLite's tokenizer knows an older Unicode: a letter it sees as a mark makes no word,
    # and no full-text search can find it. Every name it can hold must be found.
    assume(_tokenizes(word))
    people_before = {hit.id for group in search(word) for hit in group.hits}
    person = people.add_person(word, now=NOW)
    assert person.id in {hit.id for group in search(word) for hit in group.hits} - people_before
    people_bulk.delete_people([person.id])


def test_names_in_other_scripts_are_found(notebook: Paths) -> None:
    for name in ("Андрей Сергеевич", "Νίκος Παπαδόπουλος", "김민준", "ガブリエル", "Işık"):
        people.add_person(name, now=NOW)
        for typed in (name, name.lower(), name.upper(), name.split()[0][:2]):
            assert ("person", name) in found(typed), typed


def test_a_damaged_index_is_replaced_by_a_rebuild(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW)
    db.execute_sql("DELETE FROM search_index_data WHERE id > 10")  # break its b-tree
    assert index_problems()
    rebuild_index()
    assert index_problems() == []
    assert ("person", "Ana Ruiz") in found("ana")
    people.update_person(ana.id, now=NOW, name="Ana Moreno")  # the triggers still work
    assert ("person", "Ana Moreno") in found("moreno")
