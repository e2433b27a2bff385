"""The vCard, calendar and CSV exports, read back with the libraries other apps use."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from pathfinder.paths import Paths
from pathfinder.services import followups, people, people_bulk
from pathfinder.services.export_csv import HEADERS, people_csv, rows_to_export, safe_cell
from pathfinder.services.export_ics import follow_ups_calendar, ics_bytes
from pathfinder.services.export_vcard import (
    UID_SALT,
    CardPerson,
    card,
    people_cards,
    split_name,
    vcard_text,
)
from pathfinder.services.people_table import PeopleFilter
from pathfinder.services.settings import get_setting
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.models import ContactTag, Tag

NOW = datetime(2026, 3, 2, 19, 30)
TODAY = NOW.date()
SALT = "0f6b5d9e-6a43-4c1e-9b59-3f1f4f0c2a11"


def read_cards(text: str) -> list[vobject.base.Component]:
    return list(vobject.readComponents(text))


def values(component: vobject.base.Component, name: str) -> list[object]:
    return [line.value for line in component.contents.get(name, [])]


@pytest.fixture
def network(notebook: Paths) -> dict[str, int]:
    ids = {
        "ana": people.add_person(
            "Ana María Ruiz López",
            organisation="Acme Health; Research, Inc.",
            title="Head of Data\\Platform, Europe",
            email="ana@example.org",
            phone="+34 600 123 456",
            linkedin_url="https://www.linkedin.com/in/ana-ruiz,l%C3%B3pez",
            tags=["mentor", "data;science"],
            notes="PRIVATE: going through a divorce",
            now=NOW,
        ).id,
        "zoe": people.add_person(
            "Zoë 🚀 O'Brien-Ngata",
            title="Designer\nand illustrator",
            tags=["design"],
            now=NOW,
        ).id,
        "long": people.add_person(
            "Bartholomew " + "Ünterwäldner-" * 8 + "Smith",
            organisation="日本の会社 " * 12,
            now=NOW,
        ).id,
        "gone": people.add_person("Archie Ved", now=NOW).id,
    }
    people_bulk.set_archived([ids["gone"]], True, now=NOW)
    # Tags typed in the window can't hold a comma; an imported one might.
    tag = Tag.create(name="Friends, family")
    ContactTag.create(contact=ids["zoe"], tag=tag)
    return ids


# -- vCard -----------------------------------------------------------------------


def test_every_card_reads_back_with_vobject(network: dict[str, int]) -> None:
    cards = {card.fn.value: card for card in read_cards(vcard_text(None))}
    assert set(cards) == {
        "Ana María Ruiz López",
        "Zoë 🚀 O'Brien-Ngata",
        "Bartholomew " + "Ünterwäldner-" * 8 + "Smith",
    }  # the archived person is left out of "everyone"
    ana = cards["Ana María Ruiz López"]
    assert ana.version.value == "3.0"
    assert values(ana, "org") == [["Acme Health; Research, Inc."]]
    assert values(ana, "title") == ["Head of Data\\Platform, Europe"]
    assert values(ana, "email") == ["ana@example.org"]
    assert values(ana, "tel") == ["+34 600 123 456"]
    assert values(ana, "url") == ["https://www.linkedin.com/in/ana-ruiz,l%C3%B3pez"]
    assert values(ana, "categories") == [["data;science", "mentor"]]
    assert (ana.n.value.family, ana.n.value.given) == ("López", "Ana María Ruiz")
    zoe = cards["Zoë 🚀 O'Brien-Ngata"]
    assert values(zoe, "title") == ["Designer\nand illustrator"]
    assert values(zoe, "categories") == [["design", "Friends, family"]]
    assert "org" not in zoe.contents and "email" not in zoe.contents


def test_notes_are_never_exported(network: dict[str, int]) -> None:
    text = vcard_text([network["ana"]])
    assert "PRIVATE" not in text and "divorce" not in text
    assert "NOTE" not in text


def test_lines_are_crlf_and_folded_at_75_octets_without_splitting_a_character(
    network: dict[str, int],
) -> None:
    data = vcard_text(None).encode("utf-8")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the long name and organisation
    for line in lines:
        line.decode("utf-8")  # each physical line is whole UTF-8 on its own
    long_name = "Bartholomew " + "Ünterwäldner-" * 8 + "Smith"
    organisation = "日本の会社 " * 12
    (parsed,) = read_cards(vcard_text([network["long"]]))
    assert parsed.fn.value == long_name
    assert values(parsed, "org") == [[organisation.strip()]]


def test_selected_people_come_in_the_order_given_archived_or_not(
    network: dict[str, int],
) -> None:
    cards = read_cards(vcard_text([network["gone"], network["ana"], 9999, network["gone"]]))
    assert [card.fn.value for card in cards] == ["Archie Ved", "Ana María Ruiz López"]
    assert vcard_text([]) == ""


def test_uids_are_stable_across_exports_and_differ_between_notebooks(
    network: dict[str, int], tmp_path: Path
) -> None:
    first = [card.uid.value for card in read_cards(vcard_text(None))]
    salt = get_setting(UID_SALT)
    assert salt and all(uid.startswith("urn:uuid:") for uid in first)
    assert len(set(first)) == len(first)
    people.update_person(network["ana"], title="Director", now=NOW)
    assert [card.uid.value for card in read_cards(vcard_text(None))] == first
    assert str(network["ana"]) not in first[0].removeprefix("urn:uuid:").split("-")
    close_notebook()
    other = Paths(tmp_path / "other")
    other.ensure()
    open_notebook(other.database, other.backups_dir)
    try:
        person = people.add_person("Ana María Ruiz López", now=NOW)
        assert person.id == network["ana"]  # the same id, in another notebook
        (again,) = read_cards(vcard_text([person.id]))
        assert again.uid.value not in first
        assert get_setting(UID_SALT) != salt
    finally:
        close_notebook()
        db.initialize(None)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ana Ruiz", ("Ruiz", "Ana", "", "", "")),
        ("Ruiz, Ana", ("Ruiz", "Ana", "", "", "")),
        ("Cher", ("", "Cher", "", "", "")),
        ("Vincent van Gogh", ("van Gogh", "Vincent", "", "", "")),
        ("Ana de la Cruz", ("de la Cruz", "Ana", "", "", "")),
        ("Robert De Niro", ("Niro", "Robert De", "", "", "")),
        ("Dr. Priya Shah", ("Shah", "Priya", "", "Dr.", "")),
        ("Martin Luther King, Jr.", ("King", "Martin Luther", "", "", "Jr.")),
        ("Tom Reyes III", ("Reyes", "Tom", "", "", "III")),
        ("  Ana   Ruiz  ", ("Ruiz", "Ana", "", "", "")),
        ("Dr.", ("", "Dr.", "", "", "")),
    ],
)
def test_names_are_split_for_n_as_a_contacts_app_expects(
    name: str, expected: tuple[str, ...]
) -> None:
    assert split_name(name) == expected


# Any text but control characters (which no vCard line may hold), with plenty of the
# characters that need escaping and of characters longer than one byte.
_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(",;\\\n\t:\"' é🚀"),
    min_size=1,
    max_size=120,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=_TEXT, organisation=_TEXT, title=_TEXT, tag=_TEXT.filter(str.strip)
)  # a blank tag is left out
def test_any_text_round_trips_through_vobject(
    name: str, organisation: str, title: str, tag: str
) -> None:
    person = CardPerson(7, name, organisation, title, "a@b.org", "+1 555 0100", "", (tag,))
    text = card(person, SALT)
    assert max(len(line) for line in text.encode("utf-8").split(b"\r\n")) <= 75
    (parsed,) = read_cards(text)
    assert parsed.fn.value == name
    assert values(parsed, "org") == [[organisation]]
    assert values(parsed, "title") == [title]
    assert values(parsed, "categories") == [[tag]]
    family, given_name, *_rest = split_name(name)
    assert (parsed.n.value.family, parsed.n.value.given) == (family, given_name)


def test_no_people_no_cards_and_no_salt(notebook: Paths) -> None:
    assert people_cards(None) == []
    assert get_setting(UID_SALT) == ""


# -- calendar ------------------------------------------------------------------------


@pytest.fixture
def due(network: dict[str, int]) -> dict[str, int]:
    ids = {
        "soon": followups.add_follow_up(
            network["ana"],
            date(2026, 3, 5),
            "Ask about the data team, and; the\nreferral",
            now=NOW,
        ).id,
        "overdue": followups.add_follow_up(network["zoe"], date(2026, 2, 20), now=NOW).id,
        "done": followups.add_follow_up(network["ana"], date(2026, 3, 1), "sent CV", now=NOW).id,
        "archived": followups.add_follow_up(network["gone"], date(2026, 3, 9), now=NOW).id,
    }
    followups.mark_done(ids["done"], TODAY)
    return ids


def events(data: bytes) -> list:  # type: ignore[type-arg]
    return Calendar.from_ical(data).walk("VEVENT")


def test_open_follow_ups_are_all_day_events_with_a_reminder(due: dict[str, int]) -> None:
    data = ics_bytes(NOW)
    calendar = Calendar.from_ical(data)
    assert str(calendar["version"]) == "2.0" and "Pathfinder" in str(calendar["prodid"])
    assert calendar.walk("VTODO") == [] and b"VTODO" not in data
    found = events(data)
    assert [str(event["summary"]) for event in found] == [
        "Follow up with Zoë 🚀 O'Brien-Ngata",
        "Follow up with Ana María Ruiz López: Ask about the data team, and; the referral",
    ]  # overdue first; done ones and archived people's left out
    soon = found[1]
    assert soon["dtstart"].params["VALUE"] == "DATE"
    assert soon.decoded("dtstart") == date(2026, 3, 5)
    assert soon.decoded("dtend") == date(2026, 3, 6)
    assert str(soon["description"]) == "Ask about the data team, and; the\nreferral"
    assert soon.decoded("dtstamp").tzinfo is not None
    (alarm,) = soon.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY" and str(alarm["description"])
    assert alarm.decoded("trigger") == timedelta(hours=9)
    assert data.endswith(b"\r\n")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75


def test_calendar_uids_are_stable_across_exports(due: dict[str, int]) -> None:
    first = [str(event["uid"]) for event in events(ics_bytes(NOW))]
    assert len(set(first)) == 2 and all(uid.endswith("@pathfinder.local") for uid in first)
    followups.snooze(due["soon"], date(2026, 3, 12))
    followups.mark_done(due["overdue"], TODAY)
    later = events(ics_bytes(NOW + timedelta(days=1)))
    assert [str(event["uid"]) for event in later] == [first[1]]
    assert later[0].decoded("dtstart") == date(2026, 3, 12)
    # A person's card and their follow-ups never share a UID.
    card_uids = {card.uid.value.removeprefix("urn:uuid:") for card in read_cards(vcard_text(None))}
    assert not card_uids & {uid.split("@")[0] for uid in first}


def test_no_open_follow_ups_make_an_empty_calendar(notebook: Paths) -> None:
    calendar = follow_ups_calendar(NOW)
    assert calendar.walk("VEVENT") == []
    assert Calendar.from_ical(calendar.to_ical())["prodid"]


# -- CSV -------------------------------------------------------------------------------


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_people_table_as_csv(network: dict[str, int]) -> None:
    data = people_csv(rows_to_export(TODAY))
    rows = read_csv(data)
    assert rows[0] == list(HEADERS)
    assert [row[0] for row in rows[1:]] == [
        "Ana María Ruiz López",
        "Bartholomew " + "Ünterwäldner-" * 8 + "Smith",
        "Zoë 🚀 O'Brien-Ngata",
    ]
    assert rows[1] == [
        "Ana María Ruiz López",
        "Acme Health; Research, Inc.",
        "Head of Data\\Platform, Europe",
        "New contact",
        "Other",
        "",
        rows[1][6],
    ]
    assert sorted(rows[1][6].split(", ")) == ["data;science", "mentor"]
    assert rows[3][2] == "Designer\nand illustrator"  # a line end inside a quoted cell
    assert b"PRIVATE" not in data and "Notes" not in rows[0]
    assert data.count(b"\r\n") == 4  # lines end in CRLF; the title's own line end stays LF


def test_csv_of_selected_or_filtered_people(network: dict[str, int]) -> None:
    chosen = read_csv(people_csv(rows_to_export(TODAY, [network["zoe"], network["gone"]])))
    assert [row[0] for row in chosen[1:]] == ["Zoë 🚀 O'Brien-Ngata", "Archie Ved"]
    tagged = rows_to_export(TODAY, wanted=PeopleFilter(tag="mentor"))
    assert [row.name for row in tagged] == ["Ana María Ruiz López"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(notebook: Paths, start: str) -> None:
    dangerous = f'{start}HYPERLINK("http://evil.example","x")'
    person = people.add_person("Mallory", title=f"x{start}", now=NOW)
    db.execute_sql(
        "UPDATE contact SET name = ?, title = ? WHERE id = ?", [dangerous, dangerous, person.id]
    )
    (_header, row) = read_csv(people_csv(rows_to_export(TODAY)))
    assert row[0] == row[2] == "'" + dangerous
    assert safe_cell(f"x{start}y") == f"x{start}y"  # only a first character is a formula


def test_safe_cells_are_left_as_they_are() -> None:
    for value in ("Ana", "", " =1+1", "'quoted", "3 weeks", "2026-03-01"):
        assert safe_cell(value) == value
