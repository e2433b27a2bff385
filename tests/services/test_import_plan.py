"""What an import proposes, what it writes, and undoing it: matching, filling only empty
fields, idempotent re-imports, and an undo that keeps later edits."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pathfinder.paths import Paths
from pathfinder.services import people
from pathfinder.services.import_plan import (
    CONNECTED_KIND,
    ImportDefaults,
    commit_import,
    fold,
    linkedin_key,
    plan_import,
)
from pathfinder.services.import_rows import ImportedPerson, ParsedFile
from pathfinder.services.import_undo import undo_import, undoable_import
from pathfinder.services.search import index_problems
from pathfinder.store.database import db

NOW = datetime(2026, 3, 2, 20, 0)


def linkedin(*people_in_file: ImportedPerson) -> ParsedFile:
    return ParsedFile("linkedin", "Connections.csv", tuple(people_in_file))


ANA = ImportedPerson(
    3,
    "Ana Ruiz",
    organisation="Acme Health",
    title="Product manager",
    linkedin_url="https://www.linkedin.com/in/ana-ruiz-123/",
    connected_on=date(2024, 3, 15),
)
BO = ImportedPerson(4, "Bo Lind", organisation="Borealis", email="bo@borealis.example")
NAMELESS = ImportedPerson(5, "", problem="This row has no name.")


def counts() -> dict[str, int]:
    tables = ("contact", "organisation", "tag", "contact_tag", "interaction", "role_held")
    return {t: db.execute_sql(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_folding_and_linkedin_addresses() -> None:
    assert fold("  Élodie   Ørsted ") == "elodie orsted"
    assert linkedin_key("linkedin.com/in/Ana-Ruiz") == linkedin_key(
        "https://www.linkedin.com/in/ana-ruiz/?trk=x"
    )
    assert linkedin_key("https://example.org/ana") == ""


def test_a_first_import_adds_everyone_valid(notebook: Paths) -> None:
    plan = plan_import(linkedin(ANA, BO, NAMELESS), ImportDefaults(level=2, tags=("LinkedIn",)))
    assert [row.action for row in plan.rows] == ["new", "new", "invalid"]
    assert plan.invalid_reasons() == [(5, "This row has no name.")]
    result = commit_import(plan, now=NOW, backups_dir=notebook.backups_dir)
    assert (result.added, result.filled) == (2, 0)
    assert result.backup is not None and result.backup.exists()
    ana = people.find_people_by_name("Ana Ruiz")[0]
    assert (ana.organisation, ana.title, ana.level, ana.source) == (
        "Acme Health",
        "Product manager",
        2,
        "online",
    )
    assert ana.tags == ("LinkedIn",)
    assert ana.last_contact_on == date(2024, 3, 15)
    kinds = db.execute_sql(
        "SELECT k.name FROM interaction i JOIN interaction_kind k ON k.id = i.kind_id"
    ).fetchall()
    assert kinds == [(CONNECTED_KIND,)]
    assert index_problems() == []


def test_importing_the_same_file_again_changes_nothing(notebook: Paths) -> None:
    parsed = linkedin(ANA, BO)
    commit_import(plan_import(parsed), now=NOW, backups_dir=None)
    before = counts()
    plan = plan_import(parsed)
    assert [row.action for row in plan.rows] == ["unchanged", "unchanged"]
    commit_import(plan, now=NOW, backups_dir=None)
    assert counts() == before


def test_a_match_only_gets_its_empty_fields_filled(notebook: Paths) -> None:
    existing = people.add_person(
        "ana ruiz", now=NOW, organisation="ACME Health", title="Head of product"
    )
    plan = plan_import(linkedin(ANA))
    row = plan.rows[0]
    assert row.action == "fill" and row.match_id == existing.id
    assert row.match_label == "ana ruiz at ACME Health"
    assert row.why == "Matched by the same name and organisation."
    assert row.fills == {"linkedin_url": ANA.linkedin_url}  # the title was there already
    commit_import(plan, now=NOW, backups_dir=None)
    ana = people.get_person(existing.id)
    assert ana is not None
    assert (ana.title, ana.linkedin_url) == ("Head of product", ANA.linkedin_url)


def test_matching_by_email_and_by_linkedin_profile(notebook: Paths) -> None:
    bo = people.add_person("Bo", now=NOW, email="BO@borealis.example")
    ana = people.add_person("A. Ruiz", now=NOW, linkedin_url="https://linkedin.com/in/ana-ruiz-123")
    plan = plan_import(linkedin(ANA, BO))
    assert [row.match_id for row in plan.rows] == [ana.id, bo.id]
    assert "LinkedIn" in plan.rows[0].why and "email" in plan.rows[1].why


def test_the_same_person_twice_in_one_file_is_added_once(notebook: Paths) -> None:
    plan = plan_import(linkedin(ANA, ANA))
    assert [row.action for row in plan.rows] == ["new", "unchanged"]
    commit_import(plan, now=NOW, backups_dir=None)
    assert len(people.find_people_by_name("Ana Ruiz")) == 1


def test_a_skipped_row_is_not_written(notebook: Paths) -> None:
    plan = plan_import(linkedin(ANA, BO))
    plan.choose(1, "skip")
    commit_import(plan, now=NOW, backups_dir=None)
    assert people.find_people_by_name("Bo Lind") == []


def test_undo_takes_out_exactly_what_the_import_did(notebook: Paths, tmp_path: Path) -> None:
    existing = people.add_person("Ana Ruiz", now=NOW, organisation="Acme Health")
    before = counts()
    commit_import(plan_import(linkedin(ANA, BO)), now=NOW, backups_dir=None)
    batch = undoable_import()
    assert batch is not None and batch.summary == "1 added, 1 filled in"
    # The person edits a filled-in field afterwards: undo keeps their edit.
    people.update_person(existing.id, now=NOW, title="Director of product")
    removed = undo_import(batch.id, now=NOW, backups_dir=notebook.backups_dir)
    assert removed == 1
    ana = people.get_person(existing.id)
    assert ana is not None
    assert (ana.title, ana.linkedin_url, ana.last_contact_on) == ("Director of product", "", None)
    after = counts()
    assert after["contact"] == before["contact"] and after["organisation"] == before["organisation"]
    assert after["interaction"] == before["interaction"]
    assert undoable_import() is None  # once only
    assert index_problems() == []
    assert any(p.name.startswith("before-undo-import") for p in notebook.backups_dir.iterdir())


def test_only_the_latest_import_can_be_undone(notebook: Paths) -> None:
    commit_import(plan_import(linkedin(ANA)), now=NOW, backups_dir=None)
    commit_import(plan_import(linkedin(BO)), now=NOW, backups_dir=None)
    batch = undoable_import()
    assert batch is not None
    undo_import(batch.id, now=NOW, backups_dir=None)
    assert undoable_import() is None
    assert people.find_people_by_name("Ana Ruiz") and not people.find_people_by_name("Bo Lind")


def test_a_row_with_a_bad_field_is_invalid_with_the_reason(notebook: Paths) -> None:
    bad = ImportedPerson(7, "Cy Moss", email="not an email")
    plan = plan_import(linkedin(bad))
    assert plan.rows[0].action == "invalid"
    assert "email" in plan.rows[0].why


def test_a_large_import_fills_the_search_index_in_one_go(notebook: Paths, monkeypatch) -> None:
    from pathfinder.services import import_write

    def triggers_now() -> list[tuple[str, str]]:
        return sorted(
            db.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        )

    triggers = triggers_now()
    monkeypatch.setattr(import_write, "BULK_PEOPLE", 1)
    many = [
        ImportedPerson(
            10 + n, f"Person {n}", organisation=f"Org {n % 3}", connected_on=date(2024, 1, 2)
        )
        for n in range(20)
    ]
    commit_import(plan_import(linkedin(*many)), now=NOW, backups_dir=None)
    assert index_problems() == []
    assert triggers_now() == triggers
    from pathfinder.services.search import search

    assert [hit.label for group in search("person 7") for hit in group.hits] == [
        "Person 7",
        "Connected on LinkedIn · Person 7",
    ]


def test_our_own_vcard_export_imports_as_the_same_people(notebook: Paths, tmp_path) -> None:
    from pathfinder.services.export_vcard import vcard_text
    from pathfinder.services.import_vcard import parse_vcard
    from pathfinder.store.database import close_notebook, open_notebook

    people.add_person(
        "Élodie van der Berg",
        now=NOW,
        organisation="Acme; Health, Inc.",
        title="Head of research",
        email="elodie@acme.example",
        phone="+44 20 7946 0000",
        linkedin_url="https://www.linkedin.com/in/elodie-vdb",
        tags=["design", "mentor"],
    )
    people.add_person("Bo", now=NOW)
    exported = tmp_path / "people.vcf"
    exported.write_text(vcard_text(None), encoding="utf-8")

    def described() -> list[tuple[object, ...]]:
        return sorted(
            (p.name, p.organisation, p.title, p.email, p.phone, p.linkedin_url, p.tags)
            for p in people.get_people(
                row[0] for row in db.execute_sql("SELECT id FROM contact").fetchall()
            )
        )

    before = described()
    close_notebook()
    fresh = Paths(tmp_path / "fresh")
    fresh.ensure()
    open_notebook(fresh.database, fresh.backups_dir)
    commit_import(plan_import(parse_vcard(exported)), now=NOW, backups_dir=None)
    assert described() == before


def test_a_shared_email_is_no_match_when_the_names_differ(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=NOW, email="home@ruiz.example")
    luis = ImportedPerson(3, "Luis Ruiz", title="Analyst", email="home@ruiz.example")
    plan = plan_import(ParsedFile("google", "contacts.csv", (luis,)))
    assert plan.rows[0].action == "new"
    commit_import(plan, now=NOW, backups_dir=None)
    assert people.get_person(ana.id).title == ""  # Ana is left alone


def test_a_person_repeated_in_a_file_is_added_once_with_everything(notebook: Paths) -> None:
    short = ImportedPerson(3, "Ana Ruiz", organisation="Acme")
    fuller = ImportedPerson(
        4,
        "Ana Ruiz",
        organisation="Acme",
        email="ana@acme.example",
        phone="+44 20 7946 0001",
        tags=("design",),
    )
    parsed = ParsedFile("google", "contacts.csv", (short, fuller))
    plan = plan_import(parsed)
    assert [row.action for row in plan.rows] == ["new", "unchanged"]
    assert plan.rows[1].same_as == 3 and plan.rows[1].choices() == ("unchanged",)
    commit_import(plan, now=NOW, backups_dir=None)
    ana = people.find_people_by_name("Ana Ruiz")[0]
    assert (ana.email, ana.phone, ana.tags) == ("ana@acme.example", "+44 20 7946 0001", ("design",))
    again = plan_import(parsed)
    assert [row.action for row in again.rows] == ["unchanged", "unchanged"]


def test_default_tags_go_to_the_people_added_only(notebook: Paths) -> None:
    people.add_person("Bo Lind", now=NOW, organisation="Borealis")
    plan = plan_import(linkedin(ANA, BO), ImportDefaults(tags=("linkedin",)))
    assert plan.rows[0].tags_to_add == ("linkedin",)
    assert plan.rows[1].match_id is not None and plan.rows[1].tags_to_add == ()


def test_old_public_linkedin_addresses_are_told_apart() -> None:
    one = linkedin_key("https://www.linkedin.com/pub/john-smith/1a/2b3/4c5")
    two = linkedin_key("http://linkedin.com/pub/john-smith/9z/8y7/6x5/")
    assert one and two and one != two
    assert linkedin_key("linkedin.com/in/j%C3%B6rg-m%C3%BCller") == linkedin_key(
        "https://www.linkedin.com/in/Jörg-Müller/"
    )


def test_the_import_log_stays_out_of_archives(notebook: Paths, tmp_path: Path) -> None:
    from pathfinder.services.archive import TABLES

    commit_import(plan_import(linkedin(ANA)), now=NOW, backups_dir=None)
    assert "import_batch" not in TABLES and "import_change" not in TABLES


def test_undo_keeps_what_the_person_made_their_own(notebook: Paths) -> None:
    from pathfinder.services import interactions, organisations
    from pathfinder.services.import_undo import undo_costs

    commit_import(plan_import(linkedin(ANA)), now=NOW, backups_dir=None)
    ana = people.find_people_by_name("Ana Ruiz")[0]
    assert ana.organisation_id is not None
    later = datetime(2026, 3, 5, 9)
    organisations.update_organisation(ana.organisation_id, now=later, is_target=True)
    coffee = next(kind for kind in interactions.kinds() if kind.name == "coffee")
    interactions.log_interaction(ana.id, coffee.id, on=date(2026, 3, 4), now=later)
    batch = undoable_import()
    assert batch is not None
    costs = undo_costs(batch.id)
    assert (costs["people"], costs["interactions"]) == (1, 1)  # the "connected" entry isn't theirs
    undo_import(batch.id, now=later, backups_dir=None)
    names = [row[0] for row in db.execute_sql("SELECT name FROM organisation").fetchall()]
    assert names == ["Acme Health"]  # marked as a target since: kept


def test_an_older_or_undone_import_cant_be_undone(notebook: Paths) -> None:
    import pytest

    commit_import(plan_import(linkedin(ANA)), now=NOW, backups_dir=None)
    first = undoable_import()
    commit_import(plan_import(linkedin(BO)), now=NOW, backups_dir=None)
    assert first is not None
    with pytest.raises(ValueError):
        undo_import(first.id, now=NOW, backups_dir=None)
    last = undoable_import()
    assert last is not None
    undo_import(last.id, now=NOW, backups_dir=None)
    with pytest.raises(ValueError):
        undo_import(last.id, now=NOW, backups_dir=None)


def test_importing_nothing_new_leaves_the_last_import_undoable(notebook: Paths) -> None:
    commit_import(plan_import(linkedin(ANA)), now=NOW, backups_dir=notebook.backups_dir)
    first = undoable_import()
    result = commit_import(plan_import(linkedin(ANA)), now=NOW, backups_dir=notebook.backups_dir)
    assert (result.batch_id, result.backup) == (0, None)
    assert undoable_import() == first
    assert len(list(notebook.backups_dir.glob("before-import-*"))) == 1


def test_organisations_and_tags_match_whatever_their_accents_and_case(notebook: Paths) -> None:
    people.add_person("Cy Moss", now=NOW, organisation="Acme Saúde", tags=["Ärzte"])
    row = ImportedPerson(3, "Di Ng", organisation="ACME SAUDE", tags=("ärzte",))
    commit_import(plan_import(linkedin(row)), now=NOW, backups_dir=None)
    assert db.execute_sql("SELECT count(*) FROM organisation").fetchone()[0] == 1
    assert db.execute_sql("SELECT count(*) FROM tag").fetchone()[0] == 1


def test_a_connection_date_in_the_future_is_left_out(notebook: Paths) -> None:
    later = ImportedPerson(3, "Cy Moss", connected_on=date(2199, 1, 1))
    commit_import(plan_import(linkedin(later)), now=NOW, backups_dir=None)
    cy = people.find_people_by_name("Cy Moss")[0]
    assert cy.last_contact_on is None
    assert db.execute_sql("SELECT count(*) FROM interaction").fetchone()[0] == 0


NAMES = st.text(alphabet="AaÉéBbØøLl .-'", min_size=1, max_size=12).filter(lambda t: t.strip())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            NAMES,
            st.sampled_from(["", "Acme", "ACME", "Ácme", "Borealis"]),
            st.sampled_from(["", "a@x.example", "A@X.example", "b@x.example"]),
        ),
        max_size=8,
    )
)
@example(  # a shared address, and an initial that agrees with one of its two owners
    rows=[
        ("B", "Acme", ""),
        ("AA", "", "a@x.example"),
        ("A", "", "a@x.example"),
        ("B", "Acme", "a@x.example"),
    ]
)
def test_any_file_imports_then_changes_nothing_then_undoes_to_the_start(
    notebook: Paths, rows: list[tuple[str, str, str]]
) -> None:
    from pathfinder.services.import_undo import undo_import as undo

    for batch in db.execute_sql("SELECT id FROM import_batch WHERE undone_at IS NULL"):
        undo(batch[0], now=NOW, backups_dir=None)
    start = counts()
    parsed = linkedin(
        *(
            ImportedPerson(n + 2, name, organisation=org, email=email)
            for n, (name, org, email) in enumerate(rows)
        )
    )
    commit_import(plan_import(parsed), now=NOW, backups_dir=None)
    assert index_problems() == []
    again = plan_import(parsed)
    assert {row.action for row in again.rows} <= {"unchanged", "invalid"}
    batch = undoable_import()
    if batch is not None:
        undo_import(batch.id, now=NOW, backups_dir=None)
    assert counts() == start
    assert index_problems() == []
