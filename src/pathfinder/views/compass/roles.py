"""Target roles: any job worth exploring, and where the person stands with it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from pathfinder.services import roles
from pathfinder.services.roles import ROLE_STATUS_HINTS, ROLE_STATUS_LABELS, Role
from pathfinder.services.validation import LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT
from pathfinder.views.formatting import relative_time
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.record_form import RecordForm
from pathfinder.views.widgets.record_page import RecordKind
from pathfinder.views.widgets.record_table import Column

STATUS_ORDER = list(ROLE_STATUS_LABELS)


class RoleForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setMaxLength(SHORT_TEXT_LIMIT)
        self.title.setPlaceholderText("For example: UX researcher")
        self.title.textEdited.connect(self.emit_changed)
        self.add_field("title", "&Title", self.title)
        self.industry = QLineEdit()
        self.industry.setMaxLength(SHORT_TEXT_LIMIT)
        self.industry.setPlaceholderText("For example: education technology")
        self.industry.textEdited.connect(self.emit_changed)
        self.add_field("industry", "&Industry", self.industry)
        self.status = QComboBox()
        for key, label in ROLE_STATUS_LABELS.items():
            self.status.addItem(label, key)
        self.status_hint = QLabel()
        self.status_hint.setWordWrap(True)
        self.status.currentIndexChanged.connect(self._on_status_changed)
        self.add_field("status", "&Where it stands", self.status, self.status_hint)
        self.notes = BoundedTextEdit(LONG_TEXT_LIMIT)
        self.notes.setPlaceholderText("What you have learned about it, who does it, what to ask")
        self.notes.textChanged.connect(self.emit_changed)
        self.add_field("notes", "&Notes", self.notes)
        self._on_status_changed()

    def _on_status_changed(self) -> None:
        self.status_hint.setText(ROLE_STATUS_HINTS[self.status.currentData()])
        self.emit_changed()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "industry": self.industry.text(),
            "status": self.status.currentData(),
            "notes": self.notes.toPlainText(),
        }

    def set_record(self, record: Role) -> None:
        self.title.setText(record.title)
        self.industry.setText(record.industry)
        self.status.setCurrentIndex(STATUS_ORDER.index(record.status))
        self.notes.setPlainText(record.notes)


ROLE_COLUMNS = [
    Column("Role", lambda r, _now: r.title),
    Column("Industry", lambda r, _now: r.industry),
    Column(
        "Where it stands", lambda r, _now: r.status_label, lambda r: STATUS_ORDER.index(r.status)
    ),
    Column("Changed", lambda r, now: relative_time(r.updated_at, now), lambda r: r.updated_at),
]


ROLE_KIND = RecordKind(
    noun="role",
    key="compass.roles",
    columns=ROLE_COLUMNS,
    empty_icon="role",
    empty_sentence=(
        "Dream big: list any job that sounds interesting, even a long shot. "
        "Talking to people who do it will tell you if it fits, and learning "
        "that it doesn't is a win too."
    ),
    load=roles.list_roles,
    create=roles.add_role,
    update=roles.update_role,
    delete=roles.delete_role,
    restore=roles.restore_role,
    make_form=RoleForm,
)
