"""The three import parsers read what LinkedIn, Google Contacts and phones really write.

The fixtures in tests/fixtures/imports are written by hand, byte for byte (byte-order
marks, CRLF, Latin-1 bytes); every name in them is invented.
"""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from pathfinder.services.import_google import parse_google
from pathfinder.services.import_linkedin import parse_linkedin
from pathfinder.services.import_rows import ImportedPerson, ImportFileError
from pathfinder.services.import_vcard import parse_vcard

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def by_name(people: tuple[ImportedPerson, ...]) -> dict[str, ImportedPerson]:
    return {person.name: person for person in people}


# -- LinkedIn ---------------------------------------------------------------------


def test_a_linkedin_export_with_its_notice_gives_one_person_per_row() -> None:
    path = FIXTURES / "linkedin_connections.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbfNotes:\r\n")

    parsed = parse_linkedin(path)

    assert (parsed.kind, parsed.file_name, parsed.notes) == ("linkedin", path.name, ())
    people = by_name(parsed.people)
    ana = people["Ana Ruiz"]
    assert (ana.line, ana.organisation, ana.title, ana.email) == (
        5,
        "Acme Health",
        "Nurse Manager",
        "",
    )
    assert ana.linkedin_url == "https://www.linkedin.com/in/ana-ruiz-example"
    assert ana.connected_on == date(2024, 3, 15)
    assert ana.valid and ana.warnings == ()
    bo = people["Bo Lind"]
    assert (bo.organisation, bo.email, bo.connected_on) == (
        "Borealis, Ltd.",
        "bo.lind@example.org",
        date(2023, 1, 2),
    )
    chloe = people['Chloé O\'Brien "Chip"']
    assert (chloe.organisation, chloe.title) == ("Café Ünïcode 🚀", 'Head of "Growth"')


def test_a_linkedin_row_keeps_its_line_blank_rows_are_skipped_and_cells_may_span_lines() -> None:
    people = parse_linkedin(FIXTURES / "linkedin_connections.csv").people

    # line 8 is a row of empty cells; Fay's Position holds a line break (lines 11-12)
    assert [person.line for person in people] == [5, 6, 7, 9, 10, 11, 13]
    fay = by_name(people)["Fay Nguyen"]
    assert fay.title == "Senior Engineer Platform Team"
    assert by_name(people)["Eli Moss"].line == 13


def test_a_linkedin_row_without_a_name_is_invalid_and_says_why() -> None:
    nameless = parse_linkedin(FIXTURES / "linkedin_connections.csv").people[4]

    assert not nameless.valid
    assert nameless.problem == "This row has no first or last name."
    assert nameless.organisation == "Nowhere Inc"  # kept, so the preview can show whose row


def test_a_bad_email_or_date_is_left_out_with_a_warning_and_the_row_stays_valid() -> None:
    people = by_name(parse_linkedin(FIXTURES / "linkedin_connections.csv").people)

    dara = people["Dara"]
    assert dara.valid and dara.email == ""
    assert dara.warnings == ("Left out “not-an-email”: not an email address.",)
    eli = people["Eli Moss"]
    assert eli.valid and eli.connected_on is None
    assert eli.warnings == (
        "Connected On “sometime in 2019” isn't a date like 15 Mar 2024; left out.",
    )


def test_an_older_linkedin_export_without_url_or_notice() -> None:
    parsed = parse_linkedin(FIXTURES / "linkedin_old.csv")

    assert [(p.line, p.name, p.email, p.organisation, p.title) for p in parsed.people] == [
        (2, "Gus Petrov", "gus.petrov@example.net", "Ironbark Freight", "Dispatcher"),
        (3, "Hana Sato", "", "Mizu Design", "Illustrator"),
    ]
    assert [p.connected_on for p in parsed.people] == [date(2017, 11, 7), date(2016, 6, 23)]
    assert all(p.linkedin_url == "" for p in parsed.people)


def test_linkedin_columns_are_found_by_name_and_cells_may_be_semicolon_separated(
    tmp_path: Path,
) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(
        "Connected On;Position;Company;Email Address;Last Name;First Name\n"
        "9 September 2021;Chef;Olive & Thyme;;Rossi;Marco\n",
        encoding="utf-8",
    )

    (marco,) = parse_linkedin(path).people

    assert (marco.name, marco.organisation, marco.title, marco.connected_on) == (
        "Marco Rossi",
        "Olive & Thyme",
        "Chef",
        date(2021, 9, 9),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 Mar 2024", date(2024, 3, 15)),
        ("1 jan 2020", date(2020, 1, 1)),
        ("03-Sep-2019", date(2019, 9, 3)),
        ("2022-12-31", date(2022, 12, 31)),
        ("31 Feb 2024", None),
        ("15 Foo 2024", None),
        ("15/03/2024", None),
        ("15 Mar 1024", None),
    ],
)
def test_connected_on_dates(tmp_path: Path, text: str, expected: date | None) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,Company,Position,Connected On\n" + f"Ada,Lee,X,Y,{text}\n",
        encoding="utf-8",
    )

    (ada,) = parse_linkedin(path).people

    assert ada.connected_on == expected
    assert ada.valid
    assert bool(ada.warnings) == (expected is None)


def test_a_row_with_more_cells_than_the_header_is_invalid(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,Company,Position,Connected On\n"
        "Ada,Lee,Acme, Inc,Founder,1 Jan 2020\n"
        "Bea,Kim,Acme,Founder,1 Jan 2020,,\n",
        encoding="utf-8",
    )

    ada, bea = parse_linkedin(path).people

    assert (
        ada.problem
        == "This row has 6 cells but the header has 5 (a comma outside quotation marks?)."
    )
    assert bea.valid  # empty cells after the last column are harmless


def export_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_the_whole_linkedin_export_zip_is_read_from_connections_csv_inside(
    tmp_path: Path,
) -> None:
    csv_bytes = (FIXTURES / "linkedin_connections.csv").read_bytes()
    path = export_zip(
        tmp_path / "Basic_LinkedInDataExport_03-15-2024.zip",
        {
            "Basic_LinkedInDataExport_03-15-2024/messages.csv": b"FROM,TO\nx,y\n",
            "__MACOSX/Basic_LinkedInDataExport_03-15-2024/._Connections.csv": b"\x00\x05\x16",
            "Basic_LinkedInDataExport_03-15-2024/Connections.csv": csv_bytes,
            "Basic_LinkedInDataExport_03-15-2024/Profile.csv": b"First Name\nMe\n",
        },
    )

    parsed = parse_linkedin(path)

    assert parsed.file_name == path.name
    assert parsed.people == parse_linkedin(FIXTURES / "linkedin_connections.csv").people


def test_the_connections_csv_nearest_the_top_of_the_zip_is_used(tmp_path: Path) -> None:
    old = (FIXTURES / "linkedin_old.csv").read_bytes()
    current = (FIXTURES / "linkedin_connections.csv").read_bytes()
    path = export_zip(
        tmp_path / "export.zip",
        {"backup/2019/connections.csv": old, "export/Connections.csv": current},
    )

    assert len(parse_linkedin(path).people) == 7


def test_a_zip_without_connections_csv_is_refused(tmp_path: Path) -> None:
    path = export_zip(tmp_path / "export.zip", {"messages.csv": b"a,b\n", "Connections/": b""})

    with pytest.raises(ImportFileError) as error:
        parse_linkedin(path)

    assert error.value.message.startswith("export.zip: has no Connections.csv inside.")


# -- Google Contacts ----------------------------------------------------------------


def test_a_google_contacts_export_with_todays_header() -> None:
    parsed = parse_google(FIXTURES / "google_current.csv")

    assert (parsed.kind, parsed.notes) == ("google", ())
    grace, hiro, northwind, pip = parsed.people
    assert (grace.line, grace.name, grace.organisation, grace.title) == (
        2,
        "Grace Ada Okafor",
        "Lumen Labs",
        "UX Researcher",
    )
    # ' ::: ' joins several values in one cell; the first is the main one
    assert grace.email == "grace@lumen.example"
    assert grace.other_emails == ("g.okafor@lumen.example", "grace.home@example.org")
    assert grace.phone == "+44 7700 900123"
    assert grace.linkedin_url == "https://www.linkedin.com/in/grace-okafor-example"
    assert grace.website == "https://grace.example.org"
    assert grace.location == "London, United Kingdom"
    assert grace.notes == "Met at the design meetup.\nPrefers tea to coffee."
    assert grace.tags == ("Mentors",)  # without * myContacts and * starred
    assert grace.warnings == ("Only the first phone number is kept (1 more in the file).",)
    # Grace's notes and address hold line breaks, so Hiro starts on line 6
    assert hiro.line == 6
    assert (hiro.email, hiro.other_emails) == ("hiro@work.example", ("hiro@home.example",))
    assert hiro.tags == ("Former coworkers",)
    assert hiro.location == "12 Harbour Road, Port Example, New Zealand"
    assert hiro.warnings == ("Left out “call after six”: not a phone number.",)
    assert not northwind.valid and northwind.problem == "This contact has no name."
    assert northwind.organisation == "Northwind Supplies"
    assert (pip.name, pip.tags) == ("Pip", ("friends",))


def test_a_google_contacts_export_with_the_older_header() -> None:
    ines, jonas, nobody = parse_google(FIXTURES / "google_legacy.csv").people

    assert (ines.name, ines.organisation, ines.title, ines.email, ines.phone) == (
        "Inês Duarte",
        "Oceano Labs",
        "Product Lead",
        "ines@example.net",
        "+351 912 345 678",
    )
    assert ines.tags == ("Conference 2023", "Friends")
    assert ines.linkedin_url == "https://linkedin.com/in/ines-duarte-example"
    assert (ines.location, ines.notes) == ("Lisbon", "Ask about the mentoring programme.")
    assert (jonas.name, jonas.organisation, jonas.title, jonas.tags) == (
        "Jonas Berg",
        "Fjord AS",
        "Engineer",
        (),
    )
    assert nobody.problem == "This contact has no name."
    assert nobody.email == "someone@example.com"


def test_google_repeated_columns_are_matched_by_number_not_position(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(
        "E-mail 10 - Value,First Name,E-mail 2 - Value,Last Name,Labels,E-mail 2 - Label\n"
        "ten@example.org,Ola,two@example.org,Nordmann,Team ::: * myContacts,Other\n",
        encoding="utf-8",
    )

    (ola,) = parse_google(path).people

    assert (ola.email, ola.other_emails, ola.tags) == (
        "two@example.org",
        ("ten@example.org",),
        ("Team",),
    )


def test_a_google_export_saved_as_utf16_is_read(tmp_path: Path) -> None:
    path = tmp_path / "google.csv"
    path.write_bytes((FIXTURES / "google_legacy.csv").read_text("utf-8").encode("utf-16"))

    assert parse_google(path).people == parse_google(FIXTURES / "google_legacy.csv").people


# -- vCard --------------------------------------------------------------------------


def test_a_vcard_21_with_quoted_printable_and_charsets() -> None:
    parsed = parse_vcard(FIXTURES / "vcard21_phone.vcf")

    juergen, kaja = parsed.people
    assert (juergen.line, juergen.name, juergen.organisation, juergen.title) == (
        1,
        "Jürgen Müller",
        "Bäckerei Sonne",
        "Master Baker",
    )
    assert juergen.phone == "+49 30 5550 1234"  # the one marked PREF
    assert juergen.email == "juergen@baeckerei.example"
    assert juergen.notes == "Met at the market.\nGood rye bread."  # a soft line break
    # Kaja's name is a raw ISO-8859-1 byte, so the whole file is read as Windows-1252
    assert (kaja.line, kaja.name) == (13, "Kaja Sørensen")
    assert parsed.notes == (
        "vcard21_phone.vcf isn't UTF-8 (line 15 first), so it was read as Windows-1252: "
        "check accented letters in the preview.",
    )


def test_a_vcard_30_from_apple_with_item_groups_and_a_photo() -> None:
    path = FIXTURES / "vcard30_apple.vcf"
    assert b"PHOTO;ENCODING=b" in path.read_bytes()

    (lena,) = parse_vcard(path).people

    assert (lena.name, lena.organisation, lena.title) == (
        "Lena Marie Achterberg",
        "Tulip Analytics",
        "Data Scientist",
    )
    assert (lena.email, lena.other_emails) == ("lena@tulip.example", ("lena.a@example.org",))
    assert lena.phone == "+31 20 555 0101"
    assert lena.website == "https://lena.example.org"
    assert lena.linkedin_url == "https://www.linkedin.com/in/lena-achterberg-example"
    assert lena.location == "Amsterdam, Netherlands"
    assert lena.notes == "Introduced by Bo.\nFollow up in spring, maybe."
    assert lena.tags == ("Data", "Mentors")
    assert lena.valid and lena.warnings == ()


def test_a_vcard_40() -> None:
    (mateo,) = parse_vcard(FIXTURES / "vcard40.vcf").people

    assert (mateo.name, mateo.organisation, mateo.title) == (
        "Mateo Álvarez",
        "Río Verde Cooperativa",
        "Operations Coordinator",
    )
    assert mateo.email == "mateo.alvarez@example.com"  # PREF=1 first
    assert mateo.other_emails == ("mateo@rioverde.example",)
    assert mateo.phone == "+34-600-555-012"  # from a tel: address
    assert (mateo.website, mateo.tags) == ("https://rioverde.example", ("Cooperatives", "Spain"))


def test_several_cards_one_nameless_and_one_broken() -> None:
    parsed = parse_vcard(FIXTURES / "vcard_several.vcf")

    priya, nameless, quinn, rosa = parsed.people
    assert (priya.line, priya.name, priya.email, priya.valid) == (
        1,
        "Priya Raman",
        "priya@example.in",
        True,
    )
    assert nameless.line == 7
    assert nameless.problem == "This card has no name (no FN, and N is empty)."
    assert (nameless.email, nameless.organisation) == ("nobody@example.org", "Anonymous Org")
    assert (quinn.line, quinn.name, quinn.valid) == (14, "Quinn Abara", False)
    assert quinn.problem.startswith("Line 17: this card can't be read (")
    assert "this line has no colon at all" in quinn.problem
    # Rosa's photo is damaged, but photos aren't read, so her card is fine
    assert (rosa.line, rosa.name, rosa.title, rosa.valid) == (19, "Rosa Lindqvist", "Teacher", True)
    assert parsed.notes == ("Skipped 1 line outside any card (the first is line 13).",)


def vcard(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "contacts.vcf"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


def test_a_card_cut_short_is_invalid_and_the_cards_before_it_come_in(tmp_path: Path) -> None:
    path = vcard(
        tmp_path,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Sam Ito\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Tia Webb\nEMAIL:tia@exa",
    )

    sam, tia = parse_vcard(path).people

    assert sam.valid
    assert (tia.line, tia.name) == (5, "Tia Webb")
    assert tia.problem == "Line 5: this card has no END:VCARD line (the file may be cut short)."


def test_a_card_naming_an_unknown_charset_is_invalid(tmp_path: Path) -> None:
    path = vcard(
        tmp_path,
        "BEGIN:VCARD\nVERSION:2.1\nFN:Uma Rao\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=KLINGON;ENCODING=QUOTED-PRINTABLE:V=E9ra\n"
        "END:VCARD\n",
    )

    uma, vera = parse_vcard(path).people

    assert uma.valid
    assert vera.problem.startswith("Line 7: this card can't be read (an unknown character set")


def test_a_vcard_with_only_n_and_an_escaped_org(tmp_path: Path) -> None:
    path = vcard(
        tmp_path,
        "BEGIN:VCARD\nVERSION:3.0\nN:de la Cruz;María;José;Dr.;\n"
        "ORG:Smith\\, Jones & Co;Legal\nROLE:Partner\nURL:linkedin.com/in/maria-example\n"
        "CATEGORIES:Law\nCATEGORIES:Mentors,law\nEND:VCARD\n",
    )

    (maria,) = parse_vcard(path).people

    assert (maria.name, maria.organisation, maria.title) == (
        "María José de la Cruz",
        "Smith, Jones & Co",
        "Partner",
    )
    assert maria.linkedin_url == "https://linkedin.com/in/maria-example"
    assert maria.tags == ("Law", "Mentors")  # each tag once, whatever its case


def test_a_card_that_never_ends_before_the_next_begins_is_invalid(tmp_path: Path) -> None:
    path = vcard(
        tmp_path,
        "BEGIN:VCARD\nVERSION:3.0\nFN:Wes Obi\nBEGIN:VCARD\nVERSION:3.0\nFN:Xia Chen\nEND:VCARD\n",
    )

    wes, xia = parse_vcard(path).people

    assert (wes.name, wes.problem) == (
        "Wes Obi",
        "Line 1: this card has no END:VCARD line (the file may be cut short).",
    )
    assert (xia.line, xia.name, xia.valid) == (4, "Xia Chen", True)
