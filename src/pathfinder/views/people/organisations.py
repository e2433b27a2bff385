"""Organisations: where people work or worked, and which ones are targets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services import organisations
from pathfinder.services.organisations import OrganisationRecord
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import LONG_TEXT_LIMIT, SHORT_TEXT_LIMIT, ValidationError
from pathfinder.store.errors import StorageWriteError
from pathfinder.views.formatting import full_date
from pathfinder.views.widgets.autosave import Autosaver
from pathfinder.views.widgets.bounded_text import BoundedTextEdit
from pathfinder.views.widgets.empty_state import EmptyState
from pathfinder.views.widgets.field_message import FieldMessage
from pathfinder.views.widgets.headings import subheading
from pathfinder.views.widgets.lines_model import PAYLOAD_ROLE, LinesModel
from pathfinder.views.widgets.record_form import CreateDialog, RecordForm
from pathfinder.views.widgets.record_table import Column, RecordTableModel
from pathfinder.views.widgets.selection import select_only_row
from pathfinder.views.widgets.tables import record_table

COLUMNS = [
    Column("Organisation", lambda o, _n: o.name),
    Column("Industry", lambda o, _n: o.industry),
    Column("Target", lambda o, _n: "target" if o.is_target else "", lambda o: not o.is_target),
    Column("People there", lambda o, _n: str(o.people_now), lambda o: o.people_now),
]


class OrganisationForm(RecordForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setMaxLength(SHORT_TEXT_LIMIT)
        self.add_field("name", "&Name", self.name)
        self.industry = QLineEdit()
        self.industry.setMaxLength(SHORT_TEXT_LIMIT)
        self.industry.setPlaceholderText("For example: education technology")
        self.add_field("industry", "&Industry", self.industry)
        self.is_target = QCheckBox("I would like to work here")
        self.add_field("is_target", "&Target", self.is_target)
        self.notes = BoundedTextEdit(LONG_TEXT_LIMIT)
        self.notes.setPlaceholderText("What you know about them, news, who to ask")
        self.add_field("notes", "&Private notes", self.notes)
        for edit in (self.name, self.industry):
            edit.textEdited.connect(self.emit_changed)
        self.is_target.toggled.connect(self.emit_changed)
        self.notes.textChanged.connect(self.emit_changed)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "industry": self.industry.text(),
            "is_target": self.is_target.isChecked(),
            "notes": self.notes.toPlainText(),
        }

    def set_record(self, record: OrganisationRecord) -> None:
        self.name.setText(record.name)
        self.industry.setText(record.industry)
        self.is_target.setChecked(record.is_target)
        self.notes.setPlainText(record.notes)


class OrganisationsView(QStackedWidget):
    open_person = Signal(int)

    def __init__(
        self,
        clock: Callable[[], datetime],
        status: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._status = status
        self._shown_id: int | None = None
        self._holding = False
        self._autosaver = Autosaver(self._save, self)

        self.empty = EmptyState(
            "organisation",
            "Organisations appear here as you add people. Mark the places you would love "
            "to work as targets: their people move up your “who to contact next”.",
            "&Add an organisation",
        )
        self.empty.button.clicked.connect(self.add_organisation)
        self.addWidget(self.empty)

        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(16, 12, 16, 8)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add organisation…")
        self.add_button.clicked.connect(self.add_organisation)
        row.addWidget(self.add_button)
        row.addStretch(1)
        outer.addLayout(row)
        splitter = QSplitter()
        splitter.setObjectName("people.organisations")
        splitter.setChildrenCollapsible(False)
        self.model = RecordTableModel(COLUMNS, clock, self)
        self.table = record_table(self.model, "Organisations")
        header = self.table.horizontalHeader()
        # Fixed widths: sizing columns to their contents reads every row (2,000 and more).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 170), (2, 70), (3, 100)):
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        splitter.addWidget(self.table)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(12, 0, 0, 0)
        self.form = OrganisationForm()
        self.form.changed.connect(self._autosaver.touch)
        detail_layout.addWidget(self.form)
        self.save_problem = FieldMessage()
        detail_layout.addWidget(self.save_problem)
        self.now_model = LinesModel(self)
        self.before_model = LinesModel(self)
        for heading, model, name in (
            ("There now", self.now_model, "People there now"),
            ("There before", self.before_model, "People there before"),
        ):
            detail_layout.addWidget(subheading(heading))
            view = QListView()
            view.setModel(model)
            view.setAccessibleName(name)
            view.setWordWrap(True)
            view.activated.connect(lambda index, m=model: self._open(m, index))
            detail_layout.addWidget(view, 1)
        detail.setMinimumWidth(360)
        splitter.addWidget(detail)
        splitter.setSizes([560, 420])
        outer.addWidget(splitter, 1)
        self.addWidget(content)
        self.loaded = False  # filled when first shown (see PeoplePage)

    def reload(self) -> None:
        self.loaded = True
        self._autosaver.flush()
        keep = self._shown_id
        self.model.set_records(organisations.list_organisations())
        self.setCurrentIndex(1 if self.model.records else 0)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.records:
            row = 0
        if row is not None:
            self._holding = True
            select_only_row(self.table, row)
            self._holding = False
        self._show(self.model.records[row] if row is not None else None)

    def show_organisation(self, organisation_id: int) -> None:
        if not self._autosaver.flush():
            return
        self.reload()
        row = self.model.row_of(organisation_id)
        if row is not None:
            select_only_row(self.table, row)
            self.table.scrollTo(self.model.index(row, 0))

    def _on_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        if self._holding:
            return
        rows = self.table.selectionModel().selectedRows()
        record = self.model.records[rows[0].row()] if rows else None
        if record is not None and record.id == self._shown_id:
            return
        if not self._autosaver.flush():
            row = self.model.row_of(self._shown_id) if self._shown_id is not None else None
            if row is not None:
                self._holding = True
                select_only_row(self.table, row)
                self._holding = False
                self._status("This organisation has a change that isn't saved yet.")
                return
            self._autosaver.cancel()
        self._show(record)

    def _show(self, record: OrganisationRecord | None) -> None:
        self._shown_id = record.id if record is not None else None
        self.form.setEnabled(record is not None)
        self.save_problem.clear()
        if record is None:
            self.now_model.set_lines([])
            self.before_model.set_lines([])
            return
        self.form.load(record)
        now, before = organisations.roles_at(record.id)
        self.now_model.set_lines(
            [
                (
                    f"{role.person_name}" + (f", {role.title}" if role.title else ""),
                    "",
                    role.person_id,
                )
                for role in now
            ]
            or [("Nobody here yet.", "", None)]
        )
        self.before_model.set_lines(
            [
                (
                    f"{role.person_name}"
                    + (f", {role.title}" if role.title else "")
                    + (f" (until {full_date(role.ended_on)})" if role.ended_on else ""),
                    "",
                    role.person_id,
                )
                for role in before
            ]
        )

    def _open(self, model: LinesModel, index: QModelIndex) -> None:
        person_id = model.data(index, PAYLOAD_ROLE)
        if person_id is not None:
            self.open_person.emit(person_id)

    def flush(self) -> bool:
        return self._autosaver.flush()

    def _save(self) -> bool:
        if self._shown_id is None:
            return True
        self.form.clear_errors()
        self.save_problem.clear()
        try:
            record = organisations.update_organisation(
                self._shown_id, now=self._clock(), **self.form.values()
            )
        except ValidationError as error:
            self.form.show_error(error)
            return False
        except StorageWriteError as error:
            self.save_problem.show_message(error.message)
            return False
        except RecordNotFound:
            self._autosaver.cancel()
            return True
        self.model.replace_record(record)
        self._status("Saved")
        return True

    def add_organisation(self) -> None:
        if not self.flush():
            return
        dialog = CreateDialog(
            "Add an organisation",
            OrganisationForm(),
            lambda **v: organisations.add_organisation(now=self._clock(), **v),
            self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.created is not None:
            self._shown_id = dialog.created.id
            self.reload()
            self._status(f"Added {dialog.created.name}.")
