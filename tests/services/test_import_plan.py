"""What an import proposes, what it writes, and undoing it: matching, filling only empty
fields, idempotent re-imports, and an undo that keeps later edits."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

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
from pathfinder.services.import_write import undo_import, undoable_import
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
    bo = people.add_person("Robert Lind", now=NOW, email="BO@borealis.example")
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
