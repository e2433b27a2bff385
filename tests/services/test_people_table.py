"""The People table's query and its filters."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pathfinder.paths import Paths
from pathfinder.services import people, people_bulk
from pathfinder.services.people_table import PeopleFilter, people_rows

ADDED = datetime(2026, 1, 1, 9, 0)
TODAY = date(2026, 3, 1)


@pytest.fixture
def crowd(notebook: Paths) -> dict[str, int]:
    ids = {
        "priya": people.add_person(
            "Priya Shah",
            organisation="Acme Health",
            title="PM",
            level=1,
            hiring_power=True,
            target_field=True,
            tags=["edtech"],
            now=ADDED,
        ).id,
        "tom": people.add_person(
            "Tom Reyes",
            organisation="Globex",
            source="classmate",
            relationship="peer",
            cadence_days=14,
            notes="Loves 100% rye bread",
            now=ADDED,
        ).id,
        "ana": people.add_person("Ana_Lima", relationship="mentor", tags=["Mentors"], now=ADDED).id,
    }
    people_bulk.set_archived([people.add_person("Old friend", now=ADDED).id], True)
    # Rows that only match if % or _ were wildcards:
    people.add_person("Anal Ytics", now=ADDED)
    people.add_person("Grove", notes="1000 trees planted", now=ADDED)
    return ids


def names(wanted: PeopleFilter) -> list[str]:
    return sorted(row.name for row in people_rows(wanted, TODAY))


def test_everyone_but_the_archived(crowd: dict[str, int]) -> None:
    assert names(PeopleFilter()) == ["Ana_Lima", "Anal Ytics", "Grove", "Priya Shah", "Tom Reyes"]
    assert names(PeopleFilter(archived=True)) == ["Old friend"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("priya", ["Priya Shah"]),
        ("acme", ["Priya Shah"]),
        ("pm", ["Priya Shah"]),
        ("EDTECH", ["Priya Shah"]),
        ("rye", ["Tom Reyes"]),
        ("100%", ["Tom Reyes"]),
        ("a_l", ["Ana_Lima"]),
        ("tom globex", ["Tom Reyes"]),
        ("tom acme", []),
    ],
)
def test_text_matches_name_organisation_role_tags_and_notes(
    crowd: dict[str, int], text: str, expected: list[str]
) -> None:
    assert names(PeopleFilter(text=text)) == expected


def test_the_other_filters(crowd: dict[str, int]) -> None:
    assert names(PeopleFilter(level=1)) == ["Priya Shah"]
    assert names(PeopleFilter(source="classmate")) == ["Tom Reyes"]
    assert names(PeopleFilter(relationship="mentor")) == ["Ana_Lima"]
    assert names(PeopleFilter(tag="mentors")) == ["Ana_Lima"]
    assert names(PeopleFilter(hiring_power=True)) == ["Priya Shah"]
    assert names(PeopleFilter(target_field=True, level=1)) == ["Priya Shah"]
    assert names(PeopleFilter(going_cold=True)) == ["Tom Reyes"]
    priya = people.get_person(crowd["priya"])
    assert priya is not None
    assert names(PeopleFilter(organisation_id=priya.organisation_id)) == ["Priya Shah"]
    [row] = people_rows(PeopleFilter(text="priya"), TODAY)
    assert (row.organisation, row.tags, bool(row.going_cold)) == ("Acme Health", "edtech", False)


def test_ids_sort_by_any_column_in_both_directions(crowd: dict[str, int]) -> None:
    from pathfinder.services.contact_fields import SOURCE_LABELS
    from pathfinder.services.people_table import people_ids

    by_name = people_ids(PeopleFilter(), TODAY, "name")
    assert by_name[:2] == [crowd["ana"], people.find_people_by_name("Anal Ytics")[0].id]
    assert people_ids(PeopleFilter(), TODAY, "name", descending=True) == by_name[::-1]
    by_level = people_ids(PeopleFilter(), TODAY, "level")
    assert by_level[0] == crowd["priya"]  # the only inner-circle person
    by_source = people_ids(PeopleFilter(), TODAY, "source", label=SOURCE_LABELS.get)
    assert by_source[0] == crowd["tom"]  # "Classmate" reads first, before "Other"


def test_a_word_with_a_comma_matches_the_tags_as_the_table_shows_them(notebook: Paths) -> None:
    people.add_person("Two Tags", tags=["alpha", "beta"], now=ADDED)
    people.add_person("One Tag", tags=["alphabet"], now=ADDED)
    assert names(PeopleFilter(text="alpha")) == ["One Tag", "Two Tags"]
    assert names(PeopleFilter(text="alpha,")) == ["Two Tags"]  # "alpha, beta"
    assert names(PeopleFilter(text="ha, be")) == ["Two Tags"]
    assert names(PeopleFilter(text="alpha,beta")) == []


def test_the_text_filter_matches_what_each_column_shows(notebook: Paths) -> None:
    """Every word must appear, in any case, in the name, organisation, role, notes or the
    tags as shown ("a, b"): checked against that rule worked out in Python."""
    import random

    from pathfinder.services.people_table import people_ids

    chance = random.Random(11)
    pieces = ["an", "Mar", "ia", "cme", "Glo", "bex", "ux", "PM", "dev", "ops", "x_y", "50%"]
    for number in range(60):
        people.add_person(
            f"{chance.choice(pieces)}{chance.choice(pieces)} {number}",
            organisation=chance.choice(["", "Acme", "Globex", "UX Devs", "Ops 50% Co"]),
            title=chance.choice(["", "PM", "Dev lead", "x_y"]),
            notes=chance.choice(["", "met at a meetup", "likes 50% rye", "Maria's friend"]),
            tags=chance.sample(["edtech", "Mentors", "ux", "devops", "50%"], chance.randint(0, 3)),
            now=ADDED,
        )
    shown = {row.id: row for row in people_rows(PeopleFilter(), TODAY)}
    notes = {p.id: p.notes for p in people.get_people(shown)}

    def matches(person_id: int, word: str) -> bool:
        row = shown[person_id]
        texts = (row.name, row.organisation, row.title, notes[person_id], row.tags)
        return any(word.lower() in text.lower() for text in texts)

    words = [*pieces, "a", "50", "%", "_", "ops, ", "ux,", "edtech, m", "mentors,", "zzz"]
    for _ in range(40):
        words.append(" ".join(chance.sample(pieces, 2)))
    for text in words:
        expected = {pid for pid in shown if all(matches(pid, w) for w in text.split())}
        assert set(people_ids(PeopleFilter(text=text), TODAY)) == expected, text
        assert {row.id for row in people_rows(PeopleFilter(text=text), TODAY)} == expected, text
