"""Property: whatever a notebook holds, its archive restores it exactly, and merges cleanly.

Hypothesis fills a notebook with records of every table, with any text (line breaks,
`---` lines, NULs, right-to-left marks, U+2028...), times with microseconds, gaps
left by deleted records and references in every direction; the archive must bring
back every row and field and the id counters, and exporting again must give the
same files.
"""

from __future__ import annotations

import json
import string
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathfinder.paths import Paths
from pathfinder.services.archive import MANIFEST, TABLES
from pathfinder.services.archive_read import read_archive
from pathfinder.services.archive_restore import restore_archive
from pathfinder.services.archive_write import write_archive
from pathfinder.services.search import index_problems
from pathfinder.store.database import close_notebook, db, open_notebook
from pathfinder.store.models import (
    EVENT_KINDS,
    GOAL_KINDS,
    GOAL_PERIODS,
    OUTCOMES,
    REPORT_FORMATS,
    ROLE_STATUSES,
    STAGES,
    Contact,
    ContactTag,
    Conversation,
    ConversationIntroduction,
    ConversationQuestion,
    EntryTemplate,
    Event,
    EventPerson,
    FollowUp,
    Goal,
    Interaction,
    InteractionKind,
    JournalEntry,
    JournalLink,
    JournalPrompt,
    JournalTag,
    Organisation,
    OutreachTemplate,
    Question,
    ReportSent,
    RoleHeld,
    Setting,
    Tag,
    TargetRole,
    WhyVersion,
)

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
TRICKY = st.sampled_from(
    ["", "---", "---\n", "\n---\nkey: value\n---\n", "a\r\nb\r\n", "\x00\u2028\x85\ufeff", "é ø ß"]
)
BODY = st.one_of(TEXT, TRICKY, st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
NAME = st.one_of(TEXT, TRICKY).map(lambda text: text or "x")
MOMENT = st.datetimes(datetime(1990, 1, 1), datetime(2040, 12, 31))
DAY = st.dates(date(1990, 1, 1), date(2040, 12, 31))
FLAG = st.booleans()
_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def unique_names(data: st.DataObject, most: int) -> list[str]:
    """Names unique as the notebook compares them (ASCII case ignored)."""
    return data.draw(st.lists(NAME, max_size=most, unique_by=lambda name: name.translate(_FOLD)))


def maybe(data: st.DataObject, ids: list[int]) -> int | None:
    return data.draw(st.sampled_from([None, *ids]))


def fill(data: st.DataObject) -> None:
    """Records of every table, with references between them, and some deleted again."""
    draw = data.draw
    for _ in range(draw(st.integers(0, 2))):
        WhyVersion.create(written_at=draw(MOMENT), updated_at=draw(MOMENT), reason=draw(BODY))
    roles = [
        TargetRole.create(
            title=draw(NAME),
            status=draw(st.sampled_from(ROLE_STATUSES)),
            notes=draw(BODY),
            created_at=draw(MOMENT),
            updated_at=draw(MOMENT),
        ).id
        for _ in range(draw(st.integers(0, 2)))
    ]
    for _ in range(draw(st.integers(0, 2))):
        Goal.create(
            title=draw(NAME),
            kind=draw(st.sampled_from(GOAL_KINDS)),
            period=draw(st.sampled_from(GOAL_PERIODS)),
            target_number=draw(st.none() | st.integers(-(2**63), 2**63 - 1)),
            due_on=draw(st.none() | DAY),
            created_at=draw(MOMENT),
            updated_at=draw(MOMENT),
        )
    organisations = [
        Organisation.create(
            name=name, is_target=draw(FLAG), created_at=draw(MOMENT), updated_at=draw(MOMENT)
        ).id
        for name in unique_names(data, 3)
    ]
    people: list[int] = []
    for _ in range(draw(st.integers(1, 5))):
        people.append(
            Contact.create(
                name=draw(NAME),
                organisation=maybe(data, organisations),
                notes=draw(BODY),
                level=draw(st.sampled_from((1, 2, 3))),
                hiring_power=draw(FLAG),
                cadence_days=draw(st.none() | st.integers(1, 400)),
                last_contact_on=draw(st.none() | DAY),
                created_at=draw(MOMENT),
                updated_at=draw(MOMENT),
            ).id
        )
    for person in people:  # introduced by anyone, also someone added later
        Contact.update(introduced_by=maybe(data, people)).where(Contact.id == person).execute()
    tags = [Tag.create(name=name).id for name in unique_names(data, 3)]
    for person in people:
        for tag in draw(st.lists(st.sampled_from(tags), unique=True)) if tags else []:
            ContactTag.create(contact=person, tag=tag)
        if draw(FLAG):
            RoleHeld.create(
                contact=person, organisation=maybe(data, organisations), started_on=draw(DAY)
            )
    kinds = [kind.id for kind in InteractionKind.select()]
    kinds.append(InteractionKind.create(name="Unusual kind", counts_as="gave", position=20).id)
    talks: list[int] = []
    events: list[int] = []
    if people:
        talks = [
            Interaction.create(
                contact=draw(st.sampled_from(people)),
                happened_on=draw(DAY),
                kind=draw(st.sampled_from(kinds)),
                summary=draw(TEXT),
                created_at=draw(MOMENT),
            ).id
            for _ in range(draw(st.integers(0, 4)))
        ]
        FollowUp.create(
            contact=people[0],
            due_on=draw(DAY),
            done_on=draw(st.none() | DAY),
            created_at=draw(MOMENT),
        )
    questions = [
        Question.create(category="path", text=text, retired=draw(FLAG), created_at=draw(MOMENT)).id
        for text in unique_names(data, 2)
    ]
    conversations = []
    for person in people[:3]:
        conversation = Conversation.create(
            contact=person,
            target_role=maybe(data, roles),
            stage=draw(st.sampled_from(STAGES)),
            outcome=draw(st.sampled_from(OUTCOMES)),
            meeting_notes=draw(BODY),
            met_interaction=maybe(data, talks),
            created_at=draw(MOMENT),
            updated_at=draw(MOMENT),
        ).id
        conversations.append(conversation)
        ConversationQuestion.create(
            conversation=conversation, question=maybe(data, questions), text=draw(NAME)
        )
        for other in draw(st.lists(st.sampled_from(people), unique=True, max_size=2)):
            ConversationIntroduction.create(conversation=conversation, contact=other)
    for _ in range(draw(st.integers(0, 2))):
        event = Event.create(
            name=draw(NAME),
            happened_on=draw(DAY),
            kind=draw(st.sampled_from(EVENT_KINDS)),
            created_at=draw(MOMENT),
        ).id
        events.append(event)
        for person in (
            draw(st.lists(st.sampled_from(people), unique=True, max_size=2)) if people else []
        ):
            EventPerson.create(event=event, contact=person, interaction=maybe(data, talks))
    for _ in range(draw(st.integers(1, 4))):
        entry = JournalEntry.create(
            written_at=draw(MOMENT),
            title=draw(st.one_of(TEXT, TRICKY)),
            body=draw(BODY),
            mood=draw(st.none() | st.integers(1, 5)),
            confidence=draw(st.none() | st.integers(1, 5)),
            shared=draw(FLAG),
            prompt=draw(TEXT),
            created_at=draw(MOMENT),
            updated_at=draw(MOMENT),
        ).id
        for name in unique_names(data, 3):
            JournalTag.create(entry=entry, name=name)
        targets = [("contact", p) for p in people] + [("conversation", c) for c in conversations]
        targets += [("event", e) for e in events]
        for kind, target in (
            draw(st.lists(st.sampled_from(targets), unique=True, max_size=3)) if targets else []
        ):
            JournalLink.create(entry=entry, **{kind: target})
    JournalPrompt.create(set_key=draw(TEXT), text=draw(BODY), created_at=draw(MOMENT))
    for name in unique_names(data, 2):
        EntryTemplate.create(
            name=name, body=draw(BODY), created_at=draw(MOMENT), updated_at=draw(MOMENT)
        )
    for key in draw(st.lists(TEXT, unique=True, max_size=2)):
        Setting.create(key=key, value=draw(BODY))
        OutreachTemplate.create(key=key, label=draw(TEXT), subject=draw(TEXT), body=draw(BODY))
    ReportSent.create(
        saved_at=draw(MOMENT),
        period_start=draw(DAY),
        period_end=draw(DAY),
        format=draw(st.sampled_from(REPORT_FORMATS)),
    )
    for model in (Contact, JournalEntry, Event, Tag):  # gaps the counters must remember
        last = model.select().order_by(model.id.desc()).first()
        if last is not None and draw(FLAG):
            last.delete_instance()


def snapshot() -> dict[str, Any]:
    connection = db.connection()
    tables = {
        spec.name: sorted(connection.execute(f'SELECT * FROM "{spec.name}"').fetchall(), key=repr)
        for spec in TABLES.values()
    }
    tables["sqlite_sequence"] = sorted(
        connection.execute("SELECT * FROM sqlite_sequence").fetchall()
    )
    return tables


def files_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(files[MANIFEST])
    del manifest["exported_at"]
    files[MANIFEST] = json.dumps(manifest).encode()
    return files


def open_fresh(folder: Path) -> Paths:
    close_notebook()
    paths = Paths(folder)
    paths.ensure()
    open_notebook(paths.database, paths.backups_dir)
    return paths


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data())
def test_any_notebook_survives_the_round_trip_and_a_merge(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        try:
            open_fresh(folder / "source")
            with db.atomic():
                fill(data)
            before = snapshot()
            first = write_archive(folder / "first.zip", data_dir=None, overwrite=False).path

            restored = open_fresh(folder / "restored")
            contents = read_archive(first)
            restore_archive(contents, merge=False, backups_dir=restored.backups_dir)
            assert snapshot() == before
            assert index_problems() == []
            second = write_archive(folder / "second.zip", data_dir=None, overwrite=False).path
            assert files_of(second) == files_of(first)

            imported = restore_archive(contents, merge=True, backups_dir=restored.backups_dir)
            assert db.connection().execute("PRAGMA foreign_key_check").fetchall() == []
            assert index_problems() == []
            after = snapshot()
            if imported.merged:  # everything without a natural key is there twice
                for name in ("contact", "interaction", "journal_entry", "journal_link"):
                    assert len(after[name]) == 2 * len(before[name]), name
                for name in ("organisation", "tag", "question", "setting", "entry_template"):
                    assert len(after[name]) == len(before[name]), name
        finally:
            close_notebook()
            db.initialize(None)
