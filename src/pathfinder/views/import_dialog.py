"""The import preview: every person in the file with what will happen to them, the
defaults for the new ones, and a box per row to leave someone out, before anything is
written."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pathfinder.services.contact_fields import LEVEL_LABELS, SOURCE_LABELS
from pathfinder.services.import_plan import ImportDefaults, ImportPlan, PlanRow, plan_import

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Import", "Name", "Organisation", "Title", "What happens")
KIND_NAMES = {"linkedin": "LinkedIn", "google": "Google Contacts", "vcard": "a vCard file"}
FIELD_NAMES = {
    "title": "title",
    "email": "email",
    "phone": "phone",
    "linkedin_url": "LinkedIn",
    "location": "location",
    "notes": "notes",
}
SHOW = (
    ("all", "Everyone"),
    ("new", "New people"),
    ("fill", "To fill in"),
    ("unchanged", "Already there"),
    ("invalid", "Can't be imported"),
)


def what_happens(row: PlanRow) -> str:
    if row.action == "invalid":
        return f"Can't be imported: {row.why}"
    if row.same_as:
        return f"Same person as line {row.same_as}: added once, with what both rows hold"
    if row.match_id is None and row.proposed == "new":
        return "A new person" + (
            f", tagged {', '.join(row.tags_to_add)}" if row.tags_to_add else ""
        )
    if row.proposed == "unchanged":
        return f"Already there: {row.match_label}" if row.match_label else row.why
    filled = [FIELD_NAMES[name] for name in row.fills]
    if row.organisation_fill:
        filled.append("organisation")
    if row.tags_to_add:
        filled.append("tags")
    if row.add_connection:
        filled.append("date connected")
    how = row.why.removeprefix("Matched by the ").removesuffix(".")
    return f"Fill in {', '.join(filled)}: {row.match_label} (same {how.removeprefix('same ')})"


class PlanModel(QAbstractTableModel):
    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.shown: list[int] = list(range(len(plan.rows)))

    def set_plan(self, plan: ImportPlan, show: str) -> None:
        self.beginResetModel()
        self.plan = plan
        self.shown = [
            number
            for number, row in enumerate(plan.rows)
            if show == "all" or (row.proposed if row.action == "skip" else row.action) == show
        ]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def row_at(self, index: Index) -> PlanRow:
        return self.plan.rows[self.shown[index.row()]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index)
        column = index.column()
        if column == 0 and role == Qt.ItemDataRole.CheckStateRole:
            if row.action == "invalid" or row.proposed == "unchanged":
                return None  # nothing to choose: no box
            taken = row.action not in ("skip", "unchanged")
            return Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            person = row.person
            warned = f" ({'; '.join(person.warnings)})" if person.warnings else ""
            return (
                f"line {person.line}",
                person.name,
                person.organisation,
                person.title,
                what_happens(row) + warned,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return "\n".join((what_happens(row), *row.person.warnings))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.row_at(index).action not in ("invalid", "unchanged"):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        number = self.shown[index.row()]
        row = self.plan.rows[number]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.plan.choose(number, row.proposed if checked else "skip")
        self.dataChanged.emit(index, index.siblingAtColumn(len(COLUMNS) - 1))
        return True


class ImportDialog(QDialog):
    """Accepted means: import `self.plan` as it now stands."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        parsed = plan.parsed
        self.setWindowTitle(f"Import from {KIND_NAMES.get(parsed.kind, parsed.kind)}")
        self.resize(980, 620)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        defaults = QFormLayout()
        self.level = QComboBox()
        for level, label in LEVEL_LABELS.items():
            self.level.addItem(label, level)
        self.level.setCurrentIndex(self.level.findData(plan.defaults.level))
        self.source = QComboBox()
        for key, label in SOURCE_LABELS.items():
            self.source.addItem(label, key)
        self.source.setCurrentIndex(self.source.findData(plan.defaults.source))
        self.tags = QLineEdit(", ".join(plan.defaults.tags))
        self.tags.setPlaceholderText("for example: linkedin, design")
        self.tags.editingFinished.connect(self._replan)
        self.level.currentIndexChanged.connect(self._replan)
        self.source.currentIndexChanged.connect(self._replan)
        row = QHBoxLayout()
        row.addWidget(self.level)
        through = QLabel("met &through")
        through.setBuddy(self.source)
        row.addWidget(through)
        row.addWidget(self.source)
        row.addStretch(1)
        level_label = QLabel("New people are &level")
        level_label.setBuddy(self.level)
        defaults.addRow(level_label, row)
        tags_label = QLabel("T&ags for new people")
        tags_label.setBuddy(self.tags)
        defaults.addRow(tags_label, self.tags)
        layout.addLayout(defaults)

        show_row = QHBoxLayout()
        show_label = QLabel("&Show")
        self.show_choice = QComboBox()
        for key, label in SHOW:
            self.show_choice.addItem(label, key)
        show_label.setBuddy(self.show_choice)
        self.show_choice.currentIndexChanged.connect(self._refill)
        show_row.addWidget(show_label)
        show_row.addWidget(self.show_choice)
        show_row.addStretch(1)
        layout.addLayout(show_row)

        self.model = PlanModel(plan, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("People in the file")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 90), (1, 200), (2, 190), (3, 170)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        # Enter in the tags box applies the tags; it mustn't start the import unseen.
        self.import_button.setAutoDefault(False)
        self.import_button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.model.dataChanged.connect(self._update_summary)
        self._update_summary()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter imports only from the Import button itself: in the tags box it applies the
        tags (the preview changes), anywhere else it does nothing the person didn't see."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if focused is self.tags:
                self._replan()
            elif isinstance(focused, QPushButton):
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def defaults(self) -> ImportDefaults:
        tags = tuple(tag.strip() for tag in self.tags.text().split(",") if tag.strip())
        return ImportDefaults(
            level=int(self.level.currentData()), source=str(self.source.currentData()), tags=tags
        )

    def _replan(self) -> None:
        skipped = {n for n, row in enumerate(self.plan.rows) if row.action == "skip"}
        plan = plan_import(self.plan.parsed, self.defaults())
        for number in skipped:
            if "skip" in plan.rows[number].choices():
                plan.choose(number, "skip")
        self.plan = plan
        self._refill()

    def _refill(self) -> None:
        self.model.set_plan(self.plan, str(self.show_choice.currentData()))
        self._update_summary()

    def _update_summary(self) -> None:
        counts = self.plan.counts()
        taking = counts["new"] + counts["fill"]
        parts = [
            f"<b>{self.plan.parsed.file_name}</b>: {counts['new']} new",
            f"{counts['fill']} to fill in (only their empty fields)",
            f"{counts['unchanged']} already there",
        ]
        if counts["skip"]:
            parts.append(f"{counts['skip']} left out")
        if counts["invalid"]:
            parts.append(f"{counts['invalid']} can't be imported (see why below)")
        notes = "".join(f"<br>{note}" for note in self.plan.parsed.notes)
        self.summary.setText(
            ", ".join(parts) + ". Nothing is saved until you press Import; a backup is made "
            "first, and File → Undo import takes it all back out." + notes
        )
        self.import_button.setText(f"&Import {taking} {'person' if taking == 1 else 'people'}")
        self.import_button.setEnabled(taking > 0)
