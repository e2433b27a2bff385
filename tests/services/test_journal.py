"""The journal: entries, tags, links both ways, browsing, and the unsaved-text copy."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathfinder.paths import Paths
from pathfinder.services import (
    conversations,
    events,
    journal,
    journal_browse,
    journal_drafts,
    journal_prompts,
    journal_validation,
    people,
    people_bulk,
    unsaved,
)
from pathfinder.services.search import index_problems
from pathfinder.services.validation import ValidationError

NOW = datetime(2026, 3, 2, 19, 30)


def test_an_entry_keeps_everything_it_was_given(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW)
    entry = journal.add_entry(
        NOW,
        title="First coffee",
        body="  Indented *Markdown* stays as typed",
        mood=4,
        confidence=3,
        shared=True,
        tags=["nerves", "Nerves", "#wins", ""],
        links=[("person", ana.id)],
    )
    assert entry.written_at == NOW
    assert entry.body == "  Indented *Markdown* stays as typed"
    assert (entry.mood, entry.confidence, entry.shared) == (4, 3, True)
    assert entry.tags == ["nerves", "wins"]
    assert entry.links == [journal.Link("person", ana.id, "Ana Ruiz")]


def test_bad_values_are_refused_with_a_reason(notebook: Paths) -> None:
    with pytest.raises(ValidationError) as future:
        journal.add_entry(NOW, written_at=datetime(2026, 3, 3, 9, 0))
    assert future.value.field == "written_at"
    with pytest.raises(ValidationError):
        journal.add_entry(NOW, mood=6)
    with pytest.raises(ValidationError) as huge:
        journal.add_entry(NOW, body="x" * (journal_validation.BODY_LIMIT + 1))
    assert "still here" in huge.value.message
    assert journal.entry_count() == 0


def test_update_saves_only_what_changed(notebook: Paths) -> None:
    entry = journal.add_entry(NOW, body="one")
    assert journal.update_entry(entry.id, NOW, body="one") is False
    assert journal.update_entry(entry.id, NOW, body="two", mood=None) is True
    assert journal.get_entry(entry.id).body == "two"


def test_links_show_both_ways_and_survive_an_undone_delete(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW)
    talk = conversations.start_conversation(ana.id, now=NOW)
    meetup = events.add_event("UX meetup", date(2026, 2, 20), now=NOW)
    direct = journal.add_entry(NOW, title="About Ana", links=[("person", ana.id)])
    through = journal.add_entry(NOW, title="After the talk", links=[("conversation", talk.id)])
    journal.add_entry(NOW, title="Meetup", links=[("event", meetup.id)])
    about_ana = [mention.heading for mention in journal_browse.entries_about_person(ana.id)]
    assert sorted(about_ana) == ["About Ana", "After the talk"]

    snapshot = people_bulk.delete_people([ana.id])
    assert journal.get_entry(direct.id).links == []
    assert journal.get_entry(through.id).links == []
    people_bulk.restore_people(snapshot)
    assert [link.kind for link in journal.get_entry(direct.id).links] == ["person"]
    assert [link.label for link in journal.get_entry(through.id).links] == [
        "Conversation with Ana Ruiz"
    ]

    saved = events.delete_event(meetup.id)
    events.restore_event(saved)
    assert journal_browse.entries_about_person(ana.id)
    removed = conversations.delete_conversation(talk.id)
    conversations.restore_conversation(removed)
    assert journal.get_entry(through.id).links[0].kind == "conversation"


def test_a_deleted_entry_comes_back_whole(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW)
    entry = journal.add_entry(NOW, body="text", tags=["a"], links=[("person", ana.id)])
    snapshot = journal.delete_entry(entry.id)
    assert journal.entry_count() == 0
    journal.restore_entry(snapshot)
    back = journal.get_entry(entry.id)
    assert (back.body, back.tags, [link.target_id for link in back.links]) == (
        "text",
        ["a"],
        [ana.id],
    )


def test_browsing_filters_and_months(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW)
    old = journal.add_entry(NOW, written_at=datetime(2026, 1, 5, 20), mood=2, tags=["doubt"])
    mid = journal.add_entry(NOW, written_at=datetime(2026, 2, 9, 20), mood=4, shared=True)
    new = journal.add_entry(NOW, body="x", links=[("person", ana.id)])
    assert journal.entry_ids() == [(new.id, "2026-03"), (mid.id, "2026-02"), (old.id, "2026-01")]
    assert journal.entry_ids(journal.JournalFilter(tag="DOUBT")) == [(old.id, "2026-01")]
    assert journal.entry_ids(journal.JournalFilter(mood=4)) == [(mid.id, "2026-02")]
    assert journal.entry_ids(journal.JournalFilter(shared_only=True)) == [(mid.id, "2026-02")]
    assert journal.entry_ids(journal.JournalFilter(person_id=ana.id)) == [(new.id, "2026-03")]
    ids = [entry_id for entry_id, _month in journal.entry_ids()]
    assert journal_browse.first_entry_on_or_before(date(2026, 2, 20), ids) == mid.id
    assert journal_browse.first_entry_on_or_before(date(2025, 1, 1), ids) == old.id
    assert journal.tags_in_use() == [("doubt", 1)]


def test_headings_and_previews(notebook: Paths) -> None:
    entry = journal.add_entry(NOW, body="## Today I learned\n\nThat **questions** matter.")
    brief = journal_browse.entry_briefs([entry.id])[entry.id]
    assert brief.heading == "Today I learned"
    assert brief.preview == "That questions matter."
    assert journal.entry_heading("", "   \n") == "Untitled entry"
    assert journal.word_count("one two\nthree") == 3


def test_mood_by_week_averages(notebook: Paths) -> None:
    journal.add_entry(NOW, written_at=datetime(2026, 3, 2, 9), mood=2, confidence=4)
    journal.add_entry(NOW, written_at=datetime(2026, 3, 1, 9), mood=5)
    journal.add_entry(NOW, written_at=datetime(2026, 2, 28, 9), mood=4)
    points = journal_browse.mood_by_week(date(2026, 3, 2), weeks=2)
    assert [p.week_start for p in points] == [date(2026, 2, 23), date(2026, 3, 2)]
    assert points[0].mood == 4.5 and points[0].confidence is None and points[0].entries == 2
    assert points[1].mood == 2 and points[1].confidence == 4


def test_a_conversation_draft_carries_its_context(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW, organisation="Acme Health", title="Researcher")
    talk = conversations.start_conversation(ana.id, now=NOW)
    draft = journal_drafts.draft_after_conversation(talk.id, ["What surprised you?"])
    assert draft.title == "After talking with Ana Ruiz"
    assert "Researcher at Acme Health" in draft.body
    assert "## What surprised you?" in draft.body
    assert draft.links == (("person", ana.id), ("conversation", talk.id))


def test_link_choices_find_people_conversations_and_events(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW)
    conversations.start_conversation(ana.id, now=NOW)
    events.add_event("Analytics night", date(2026, 2, 1), now=NOW)
    kinds = [(choice.kind, choice.label) for choice in journal_drafts.link_choices("ana")]
    assert kinds == [
        ("person", "Ana Ruiz"),
        ("conversation", "Conversation with Ana Ruiz"),
        ("event", "Analytics night"),
    ]


def test_the_unsaved_copy_round_trips_and_bad_files_are_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "unsaved-entry.json"
    assert unsaved.read(path) is None
    copy = unsaved.UnsavedText(3, "Title", "Body ✓", "2026-03-02T19:30:00", "2026-03-02T19:31:00")
    unsaved.keep(path, copy)
    assert path.stat().st_mode & 0o777 == 0o600
    assert unsaved.read(path) == copy
    unsaved.forget(path)
    assert not path.exists()
    path.write_text("{half a file", encoding="utf-8")
    assert unsaved.read(path) is None
    assert not path.exists() and (tmp_path / "unsaved-entry.json.unreadable").exists()


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            ["person", "rename", "entry", "edit", "tag", "delete_entry", "delete_person", "link"]
        ),
        st.integers(min_value=0, max_value=50),
        st.text(max_size=30),
    ),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(OPERATIONS)
def test_random_writes_keep_the_search_index_in_step(notebook: Paths, steps: list) -> None:
    for kind, number, text in steps:
        person_ids = [p.id for p in people.all_people_brief()]
        entry_ids = [entry_id for entry_id, _m in journal.entry_ids()]
        try:
            if kind == "person":
                people.add_person(text or "Someone", now=NOW, notes=text)
            elif kind == "rename" and person_ids:
                people.update_person(
                    person_ids[number % len(person_ids)], now=NOW, name=text or "X"
                )
            elif kind == "entry":
                journal.add_entry(NOW, title=text, body=text * 3, tags=[text])
            elif kind == "edit" and entry_ids:
                journal.update_entry(entry_ids[number % len(entry_ids)], NOW, body=text)
            elif kind == "tag" and entry_ids:
                journal.set_tags(entry_ids[number % len(entry_ids)], [text, "t"])
            elif kind == "delete_entry" and entry_ids:
                journal.delete_entry(entry_ids[number % len(entry_ids)])
            elif kind == "delete_person" and person_ids:
                people_bulk.delete_people([person_ids[number % len(person_ids)]])
            elif kind == "link" and entry_ids and person_ids:
                journal.add_link(
                    entry_ids[number % len(entry_ids)],
                    "person",
                    person_ids[number % len(person_ids)],
                )
        except ValidationError:
            pass
    assert index_problems() == []


def test_prompt_sets_hold_the_built_in_prompts_and_the_users_own(notebook: Paths) -> None:
    sets = journal_prompts.prompt_sets()
    assert [s.key for s in sets] == [
        "after_conversation",
        "after_bummer",
        "weekly_review",
        "before_event",
        "doubting",
        "revisit_why",
    ]
    assert sum(len(s.prompts) for s in sets) >= 30
    own = journal_prompts.add_prompt("doubting", "  Who believes in me?  ", NOW)
    assert journal_prompts.prompt_set("doubting").prompts[-1] == own
    with pytest.raises(ValidationError):
        journal_prompts.add_prompt("doubting", "   ", NOW)
    assert own.own_id is not None
    snapshot = journal_prompts.delete_prompt(own.own_id)
    assert own not in journal_prompts.prompt_set("doubting").prompts
    journal_prompts.restore_prompt(snapshot)
    assert own in journal_prompts.prompt_set("doubting").prompts


def test_templates_built_in_and_own(notebook: Paths) -> None:
    names = [t.name for t in journal_prompts.templates()]
    assert "Weekly review" in names
    mine = journal_prompts.save_template("Weekly review", "## My own week\n", NOW)
    weekly = [t for t in journal_prompts.templates() if t.name == "Weekly review"]
    assert weekly == [mine]
    journal_prompts.save_template("Weekly review", "## Changed\n", NOW)
    assert [t.body for t in journal_prompts.templates() if t.name == "Weekly review"] == [
        "## Changed"
    ]
    assert mine.own_id is not None
    journal_prompts.delete_template(mine.own_id)
    assert [t.own_id for t in journal_prompts.templates() if t.name == "Weekly review"] == [None]


def test_link_choices_fold_case_and_accents(notebook: Paths) -> None:
    elodie = people.add_person("Élodie Ørsted", now=NOW)
    people.add_person("Someone Else", now=NOW)
    for typed in ("élo", "ELO", "elodie ors", "Ørs"):
        assert [c.target_id for c in journal_drafts.link_choices(typed)] == [elodie.id], typed
    assert len(journal_drafts.link_choices("")) == 2
    assert journal_drafts.link_choices('"((') == []


def test_a_lone_surrogate_is_replaced_not_a_crash(notebook: Paths, tmp_path: Path) -> None:
    entry = journal.add_entry(NOW, title="a\ud800", body="b\udfffc")
    assert (entry.title, entry.body) == ("a\ufffd", "b\ufffdc")
    path = tmp_path / "unsaved.json"
    unsaved.keep(path, unsaved.UnsavedText(None, "", "x\ud83d", "", ""))
    assert unsaved.read(path) is not None


def test_links_of_many_records_are_gathered_in_chunks(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW)
    entry = journal.add_entry(NOW, links=[("person", ana.id)])
    rows = journal.links_snapshot(contact_ids=[*range(100_000, 101_500), ana.id])
    assert [row["entry"] for row in rows] == [entry.id]
